// SPDX-License-Identifier: MIT
// Fuzz target: the input read as each ICCMA format (apx, tgf, i23) through check_iccma.
//
// Properties checked: check_iccma never throws; a refusal carries an error; an accepted file
// gives a valid case that reads back unchanged from case JSON; written again in the same
// format (when its ids can be written) it reads back with the same statement ids and attacks.

#include "fuzz_support.hpp"

#include <narrative/io/iccma.hpp>

#include <string>

namespace {

using namespace narrative;

void check_format(std::string_view text, iccma_format format) {
    iccma_read_options options;
    options.max_arguments = 1 << 12;  // small limits keep every run fast
    options.max_attacks = 1 << 14;
    const auto result = check_iccma(text, format, "<fuzz>", options);
    if (!result.ok()) {
        fuzz::require(result.error_count() > 0, "a refused ICCMA file has no error");
        return;
    }
    (void)fuzz::require_json_round_trip(*result.model, "ICCMA");
    if (!iccma_problems(*result.model, format).empty()) return;
    const auto written = write_iccma(*result.model, format);
    for (const auto& d : written.dropped)
        if (d.message.find("left unnamed") != std::string::npos) return;  // i23 ids by number then
    const auto back = check_iccma(written.text, format, "<written>");
    fuzz::require(back.ok(), "the written ICCMA text does not read back",
                  fuzz::diagnostics_text(back.diagnostics) + written.text);
    fuzz::require(back.model->statement_count() == result.model->statement_count(),
                  "the statements change when written as ICCMA and read back", written.text);
    for (std::size_t v = 0; v < back.model->statement_count(); ++v)
        fuzz::require(back.model->statement_at(v).id == result.model->statement_at(v).id,
                      "a statement id changes when written as ICCMA and read back", written.text);
    fuzz::require(attacks_by_id(*back.model) == attacks_by_id(*result.model),
                  "the attacks change when written as ICCMA and read back", written.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    for (const auto format : {iccma_format::apx, iccma_format::tgf, iccma_format::i23}) check_format(text, format);
    return 0;
}
