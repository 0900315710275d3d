// SPDX-License-Identifier: MIT
// Fuzz target: an Argdown text through check_argdown.
//
// Properties checked: check_argdown never throws; a refusal carries an error; an accepted text
// gives a valid case that reads back unchanged from case JSON.

#include "fuzz_support.hpp"

#include <narrative/io/argdown.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    argdown_read_options options;
    options.max_nodes = 1 << 12;  // small limits keep every run fast
    const auto result = check_argdown(fuzz::as_text(data, size), "<fuzz>", options);
    if (!result.ok()) {
        fuzz::require(result.error_count() > 0, "a refused Argdown text has no error");
        return 0;
    }
    (void)fuzz::require_json_round_trip(*result.model, "Argdown");
    return 0;
}
