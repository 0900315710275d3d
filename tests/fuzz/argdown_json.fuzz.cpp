// SPDX-License-Identifier: MIT
// Fuzz target: Argdown's JSON export.
//
// Properties checked: the reader never throws; a refused input has at least one error; a case
// built is valid: written as JSON it reads back unchanged.

#include "fuzz_support.hpp"

#include <narrative/io/argdown_json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    const check_result r = check_argdown_json(fuzz::as_text(data, size), "<fuzz>");
    if (!r.model) {
        fuzz::require(r.error_count() > 0, "a refused input without an error", fuzz::diagnostics_text(r.diagnostics));
        return 0;
    }
    (void)fuzz::require_json_round_trip(*r.model, "Argdown JSON");
    return 0;
}
