// SPDX-License-Identifier: MIT
// Fuzz target: a GraphML document through check_graphml.
//
// Properties checked: check_graphml never throws; a refusal carries an error; an accepted
// document gives a valid case that reads back unchanged from case JSON, and, written as
// GraphML again, from GraphML.

#include "fuzz_support.hpp"

#include <narrative/io/graphml.hpp>

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    std::istringstream in{std::string(fuzz::as_text(data, size))};
    const auto result = check_graphml(in, "<fuzz>");
    if (!result.ok()) {
        fuzz::require(result.error_count() > 0, "a refused GraphML document has no error");
        return 0;
    }
    const std::string json = fuzz::require_json_round_trip(*result.model, "GraphML");
    if (!graphml_problems(*result.model).empty()) return 0;
    const std::string graphml = write_graphml(*result.model);
    std::istringstream again(graphml);
    const auto back = check_graphml(again, "<written>");
    fuzz::require(back.ok(), "the written GraphML does not read back", fuzz::diagnostics_text(back.diagnostics) + graphml);
    fuzz::require(write_case(*back.model) == json, "the case changes when written as GraphML and read back", graphml);
    return 0;
}
