// SPDX-License-Identifier: MIT
// Fuzz target: a case file (narrative/1 JSON) through check_case, then every analysis on what
// parses, with small bounds.
//
// Properties checked: check_case never throws; the fast reader and the located pass agree
// (both accept, or both refuse; the same case when they accept); a valid case written as JSON
// and as GraphML reads back as the same case; every analysis runs on a valid case without an
// exception (their options here are valid), and each strength, score and bound is a number;
// the case report and the timeline are built and written as HTML, Markdown, text and JSON, and
// no text of the case becomes an element of the HTML page or raw HTML in the Markdown.

#include "fuzz_support.hpp"

#include <narrative/actors/consistency.hpp>
#include <narrative/credibility/credibility.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/tasks.hpp>
#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/infer/infer_relations.hpp>
#include <narrative/explain/case_report.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/report/html.hpp>
#include <narrative/report/json.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/text.hpp>
#include <narrative/report/contradictions.hpp>
#include <narrative/timeline/replay.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace {

using namespace narrative;

void check_readers_agree(std::string_view text, const check_result& result) {
    const auto located = detail::check_case_located(text, "<fuzz>");
    if (result.ok() != located.ok())
        fuzz::finding(result.ok() ? "the fast reader accepts a case the located pass refuses"
                                  : "the located pass accepts a case check_case refuses",
                      fuzz::diagnostics_text(result.ok() ? located.diagnostics : result.diagnostics));
    if (result.ok())
        fuzz::require(write_case(*result.model) == write_case(*located.model),
                      "the fast reader and the located pass build different cases");
}

void check_graphml_round_trip(const case_model& c, const std::string& json) {
    if (!graphml_problems(c).empty()) return;  // text XML cannot carry: refused before writing
    const std::string graphml = write_graphml(c);
    std::istringstream in(graphml);
    const auto back = check_graphml(in, "<written>");
    fuzz::require(back.ok(), "the written GraphML does not read back", fuzz::diagnostics_text(back.diagnostics) + graphml);
    fuzz::require(write_case(*back.model) == json, "the case changes through GraphML", graphml);
}

void run_analyses(case_model c) {
    (void)infer_relations(c);
    (void)write_dot(c);

    const compiled_graph g = compiled_graph::compile(c);
    score_options so{};
    so.max_iterations = 200;
    so.threads = 1;
    for (const auto& entry : gradual_semantics_catalog()) {
        const score_result r = score(g, entry.first, so);
        fuzz::require(r.strength.size() == c.statement_count(), "a score has one strength per statement");
        for (const double s : r.strength)
            fuzz::require(!r.run.converged || std::isfinite(s), "a converged score has a strength that is not a number",
                          entry.first);
    }

    // Contributions to the first statement's strength: as many as reach it, each a number.
    if (g.statement_count > 0) {
        contribution_options ko{};
        ko.solve = so;
        ko.max_contributors = 32;
        for (const auto f : {contribution_function::removal, contribution_function::gradient}) {
            ko.function = f;
            try {
                const auto k = contributions(g, find_gradual_semantics("df-quad"), 0, ko);
                for (const auto& x : k.contributions)
                    fuzz::require(!k.run.converged || std::isfinite(x.value), "a contribution is not a number");
            } catch (const rule_error&) {  // more contributors than allowed: refused, as documented
            }
        }
    }

    // Crisp extensions under each support reading: grounded is inside the one preferred
    // extension found (component search), and no statement outside the case is in it.
    for (const auto reading : {support_reading::none, support_reading::deductive, support_reading::necessary}) {
        const auto reduction = reduce_bipolar(g, reading);
        const auto grounded = run_task(reduction, find_crisp_semantics("grounded"), crisp_task::se).extensions;
        const auto preferred = run_task(reduction, find_crisp_semantics("preferred"), crisp_task::se).extensions;
        fuzz::require(grounded.size() == 1 && preferred.size() == 1, "grounded or preferred has no extension");
        fuzz::require(std::includes(preferred[0].begin(), preferred[0].end(), grounded[0].begin(), grounded[0].end()),
                      "the grounded extension is not inside a preferred one");
        for (const auto a : preferred[0]) fuzz::require(a < g.statement_count, "an extension names the sentinel");
    }

    contradictions_options co{};
    co.tensions.max_length = 3;
    co.derived_limit = 20;
    co.frustration.exact_max_statements = 12;
    co.frustration.node_limit = 20'000;
    const auto report = analyse_contradictions(c, co);
    fuzz::require(report.frustration.lower_bound <= report.frustration.upper_bound + 1e-9,
                  "frustration: the lower bound exceeds the upper bound");
    (void)contradictions_to_json(c, report).dump(2);
    (void)format_contradictions(c, report, contradictions_style::table, contradictions_detail::full);

    for (const auto& algorithm : credibility_algorithms()) {
        actor_consistency_options ao{};
        ao.algorithm = std::string(algorithm.name);
        ao.credibility.max_iterations = 50;
        const auto actors = actor_consistency_report(c, ao);
        fuzz::require(actors.actors.size() == c.actors().size(), "the actors report has one entry per actor");
    }

    // The report: every section built and written; the case's text never becomes markup.
    explain::case_analysis a{};
    actor_consistency_options ao{};
    ao.credibility.max_iterations = 50;
    a.actors = actor_consistency_report(c, ao);
    a.contradictions = report;
    a.strengths = score(g, "df-quad", so);
    timeline_options to{};
    to.actors = ao;
    to.solve = so;
    to.max_steps = 6;
    if (statement_times(c).size() <= to.max_steps) a.timeline = replay_timeline(c, find_gradual_semantics("df-quad"), to);
    explain::case_report_options ro{};
    ro.graph_limit = 8;  // the condensed drawing too, on larger inputs
    const explain::document d = explain::case_report(c, a, ro);
    const std::string html = report::write_html(d);
    for (const char* element : {"<script", "<img", "<iframe", "<object", "<embed", "<link", "<base", "<form"})
        fuzz::require(html.find(element) == std::string::npos, "text of the case became an element of the HTML report",
                      element);
    const std::string md = report::write_markdown(d);
    const auto fence = md.find("```dot\n");
    fuzz::require(fence != std::string::npos, "the Markdown report has no graph block");
    const auto fence_end = md.find("\n```\n", fence);
    fuzz::require(fence_end != std::string::npos, "the graph block of the Markdown report is not closed");
    fuzz::require((md.substr(0, fence) + md.substr(fence_end + 5)).find('<') == std::string::npos,
                  "raw '<' in the Markdown report outside the graph block");
    (void)report::write_text(d);
    (void)report::report_to_json(d).dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    auto result = check_case(text, "<fuzz>");
    check_readers_agree(text, result);
    if (!result.ok()) {
        fuzz::require(result.error_count() > 0, "a refused case has no error");
        return 0;
    }
    const std::string json = fuzz::require_json_round_trip(*result.model, "case JSON");
    check_graphml_round_trip(*result.model, json);
    run_analyses(std::move(*result.model));
    return 0;
}
