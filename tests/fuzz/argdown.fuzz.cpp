// SPDX-License-Identifier: MIT
// Fuzz target: an Argdown text through check_argdown.
//
// Properties checked: check_argdown never throws; a refusal carries an error; an accepted text
// gives a valid case that reads back unchanged from case JSON, and, written as Argdown when
// argdown_problems allows, reads back with the same statements and relations.

#include "fuzz_support.hpp"

#include <narrative/io/argdown.hpp>

#include <string>

namespace {

// What Argdown carries: statement ids, texts, actors, times, sources; relation ends and types.
std::string carried(const narrative::case_model& c) {
    std::string out;
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const auto& s = c.statement_at(v);
        out += s.id + "|" + s.text.value_or("") + "|" + s.actor.value_or("") + "|" + (s.time ? s.time->text() : "") +
               "|" + s.source.value_or("") + "\n";
    }
    for (const auto e : c.relations()) {
        const auto& r = c.relation_at(e);
        out += c.statement_at(c.source(e)).id + " " + std::string(to_string(r.type)) + (r.is_directed() ? " " : " mutual ") +
               c.statement_at(c.target(e)).id + "\n";
    }
    return out;
}

}  // namespace

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
    if (!argdown_problems(*result.model).empty()) return 0;
    const auto written = write_argdown(*result.model);
    const auto back = check_argdown(written.text, "<written>");
    fuzz::require(back.ok(), "the written Argdown text does not read back",
                  fuzz::diagnostics_text(back.diagnostics) + written.text);
    fuzz::require(carried(*back.model) == carried(*result.model),
                  "the statements or relations change when written as Argdown and read back", written.text);
    return 0;
}
