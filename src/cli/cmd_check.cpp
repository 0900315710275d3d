// SPDX-License-Identifier: MIT
// `narrative check CASE`: validate a case file; summarise it and print every diagnostic.

#include "case_formats.hpp"
#include "commands.hpp"

#include <narrative/io/aif.hpp>
#include <narrative/io/argdown_json.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/claimreview.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <utility>

namespace narrative::cli {
namespace {

struct case_counts {
    std::size_t actors = 0, propositions = 0, statements = 0, relations = 0;
    std::size_t supports = 0, contradicts = 0, mutual = 0, claims = 0, timed = 0;
    std::optional<time_point> first{}, last{};
};

case_counts count(const case_model& c) {
    case_counts n{.actors = c.actors().size(), .propositions = c.propositions().size(),
                  .statements = c.statement_count(), .relations = c.relation_count()};
    for (const auto e : c.relations()) {
        const relation& r = c.relation_at(e);
        (r.type == relation_type::supports ? n.supports : n.contradicts) += 1;
        n.mutual += r.is_mutual() ? 1 : 0;
    }
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        n.claims += s.claim ? 1 : 0;
        if (!s.time) continue;
        ++n.timed;
        if (!n.first || *s.time < *n.first) n.first = s.time;
        if (!n.last || *n.last < *s.time) n.last = s.time;
    }
    return n;
}

std::string render_table(const std::string& source, const case_model& c, const case_counts& n,
                         std::size_t warnings, bool markdown) {
    std::ostringstream out;
    const auto row = [&](const std::string& what, const std::string& value) {
        if (markdown)
            out << "| " << what << " | " << value << " |\n";
        else
            out << "  " << what << std::string(what.size() < 14 ? 14 - what.size() : 1, ' ') << value << '\n';
    };
    if (markdown)
        out << "## " << (c.info().title ? *c.info().title : source) << "\n\n| | |\n| --- | --- |\n";
    else
        out << source << ": valid case" << (c.info().title ? " \"" + *c.info().title + "\"" : std::string()) << '\n';
    row("actors", std::to_string(n.actors));
    row("propositions", std::to_string(n.propositions));
    row("statements", std::to_string(n.statements) + " (" + std::to_string(n.claims) + " with a claim, " +
                          std::to_string(n.timed) + " dated)");
    row("relations", std::to_string(n.relations) + " (" + std::to_string(n.supports) + " supports, " +
                         std::to_string(n.contradicts) + " contradicts, " + std::to_string(n.mutual) + " mutual)");
    if (n.first) row("time span", n.first->text() + " to " + n.last->text());
    row("warnings", std::to_string(warnings));
    return out.str();
}

std::string render_json(const std::string& source, const case_model* c, const std::vector<diagnostic>& diagnostics) {
    nlohmann::ordered_json doc = {{"format", "narrative-check/1"}, {"source", source}, {"valid", c != nullptr}};
    if (c) {
        const auto n = count(*c);
        doc["counts"] = {{"actors", n.actors}, {"propositions", n.propositions}, {"statements", n.statements},
                         {"relations", n.relations}, {"supports", n.supports}, {"contradicts", n.contradicts},
                         {"claims", n.claims}};
    }
    doc["diagnostics"] = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics)
        doc["diagnostics"].push_back({{"severity", d.severity == severity::error ? "error" : "warning"},
                                      {"location", d.location}, {"message", d.message}});
    return doc.dump(2) + "\n";
}

}  // namespace

void register_check(CLI::App& app) {
    struct options {
        std::string input{};
        output_options output{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand("check", "Validate a case file; print a summary and every diagnostic");
    cmd->add_option("CASE", opts->input, "Case file (narrative/1 JSON, an AIF nodeset, or a statements table .csv/.tsv with its tables beside it), or - for standard input")->required();
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        const std::string source = opts->input == "-" ? "<stdin>" : opts->input;
        const std::string text = read_input(opts->input);
        // Tables (.csv, .tsv) are checked as tables, with the tables beside them.
        const std::string table_format = format_by_extension(opts->input);
        auto result = table_format == "csv" || table_format == "tsv"
                          ? check_as(text, source, table_format)
                          : detail::check_case_padded(text, text.capacity(), source);
        // An AIF nodeset is checked as such (tried only when the case reader refuses the text).
        if (!result.model && looks_like_aif(text)) result = check_aif(text, source);
        else if (!result.model && looks_like_claimreview(text)) result = check_claimreview(text, source);
        else if (!result.model && looks_like_argdown_json(text)) result = check_argdown_json(text, source);
        if (!result.model) throw parse_error(std::move(result.diagnostics));  // exit 1, nothing on stdout
        std::size_t warnings = 0;
        for (const auto& d : result.diagnostics) warnings += d.severity == severity::warning ? 1 : 0;
        if (opts->output.format == "json") {
            emit(opts->output, render_json(source, &*result.model, result.diagnostics));
        } else {
            print_diagnostics(result.diagnostics);
            emit(opts->output, render_table(source, *result.model, count(*result.model), warnings,
                                            opts->output.format == "markdown"));
        }
    });
}

}  // namespace narrative::cli
