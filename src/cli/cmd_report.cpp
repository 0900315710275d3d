// SPDX-License-Identifier: MIT
// `narrative report CASE -o report.html`: every analysis of the case in one document, written
// as HTML (with the graph laid out by Graphviz), Markdown, JSON or text.
// Load → analyse → explain (explain/case_report.hpp) → write (report/).

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/explain/case_report.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/graph_layout.hpp>
#include <narrative/report/html.hpp>
#include <narrative/report/json.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/text.hpp>
#include <narrative/signed/contradictions.hpp>
#include <narrative/timeline/replay.hpp>
#include <narrative/version.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>

namespace narrative::cli {

namespace {

/// The format of the report: given, else by the output's extension, else text.
std::string report_format(const std::string& given, const std::string& path) {
    if (given != "auto") return given;
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext == ".html" || ext == ".htm") return "html";
    if (ext == ".md" || ext == ".markdown") return "markdown";
    if (ext == ".json") return "json";
    return "text";
}

}  // namespace

void register_report(CLI::App& app) {
    struct options {
        std::string input{};
        std::string output{};
        std::string format = "auto";
        std::string semantics = "df-quad";
        std::string contribution = "removal";
        std::string contribution_topics = "30";
        std::string max_contributors = "100";
        std::string graph_limit = "300";
        std::string max_path = "3";
        std::string timeline_steps = "50";
        std::string threads = "0";
        actor_report_options actors{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Every analysis of a case in one report: HTML with the graph drawn, Markdown, JSON or text");
    cmd->add_option("CASE", opts->input, "Case file, or - for standard input")->required();
    cmd->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    cmd->add_option("--format", opts->format,
                    "html, markdown, json or text; auto: by the extension of -o (.html, .md, .json), else text")
        ->check(CLI::IsMember({"auto", "html", "markdown", "json", "text"}))
        ->capture_default_str();
    cmd->add_option("--semantics", opts->semantics, "Gradual semantics of the statement strengths")->capture_default_str();
    cmd->add_option("--contribution", opts->contribution,
                    "Contribution function behind each strength: removal or gradient")
        ->capture_default_str();
    cmd->add_option("--contributions", opts->contribution_topics,
                    "Statements whose contributions are weighed: those receiving the most relations (0: none)")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--max-contributors", opts->max_contributors,
                    "Leave out a statement that more statements than this reach (each costs a solve)")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--graph-limit", opts->graph_limit,
                    "Statements drawn one by one; above, the graph is drawn by camp and component")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--max-path", opts->max_path, "Longest path (in relations) for derived tensions, from 2 to 8")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--timeline-steps", opts->timeline_steps,
                    "Replay the analyses at each date when the case has at most this many distinct times "
                    "(0: no timeline)")
        ->type_name("UINT")
        ->capture_default_str();
    add_threads_option(cmd, opts->threads);
    add_actor_report_options(cmd, opts->actors);
    cmd->callback([opts] {
        const std::string format = report_format(opts->format, opts->output);
        const any_gradual_semantics& semantics = find_gradual_semantics(opts->semantics);
        const score_options solve{.threads = parse_threads(opts->threads)};
        const contribution_function function = parse_contribution_function(opts->contribution);
        const auto topics = static_cast<std::size_t>(parse_unsigned_option(
            "--contributions", opts->contribution_topics, 0, std::numeric_limits<std::uint32_t>::max()));
        const auto max_contributors = static_cast<std::size_t>(parse_unsigned_option(
            "--max-contributors", opts->max_contributors, 1, std::numeric_limits<std::uint32_t>::max()));
        const auto max_path = static_cast<std::uint32_t>(parse_unsigned_option(
            "--max-path", opts->max_path, 2, 8, "the search from each statement visits every path of that length"));
        const auto timeline_steps = static_cast<std::size_t>(parse_unsigned_option(
            "--timeline-steps", opts->timeline_steps, 0, std::numeric_limits<std::uint32_t>::max()));
        explain::case_report_options ro{};
        ro.graph_limit = static_cast<std::size_t>(parse_unsigned_option(
            "--graph-limit", opts->graph_limit, 0, std::numeric_limits<std::uint32_t>::max()));

        case_model& c = keep_until_exit(load_case_argument(opts->input));
        explain::case_analysis a{};
        // The timeline replays the case as stated (each snapshot infers its own relations), so
        // it runs before the relations inferred for the whole case are added.
        const auto dates = statement_times(c).size();
        if (timeline_steps == 0) {
            a.timeline_note = "No timeline: --timeline-steps 0.";
        } else if (dates > timeline_steps) {
            a.timeline_note = "No timeline: the case has statements at " + std::to_string(dates) +
                              " distinct times, more than --timeline-steps " + std::to_string(timeline_steps) +
                              " (each date runs every analysis again); `narrative timeline` replays them.";
        } else {
            timeline_options to{};
            to.infer = !opts->actors.no_infer;
            to.actors = actor_options(opts->actors);
            to.max_steps = timeline_steps;
            to.solve = solve;
            a.timeline = replay_timeline(c, semantics, to);
        }
        // The actor report infers the relations from claims (unless --no-infer); every other
        // analysis then runs on the same relations.
        a.actors = run_actor_report(c, opts->actors, 0);
        contradictions_options co{};
        co.tensions.max_length = max_path;
        co.derived_limit = ro.derived_rows;
        co.max_states = max_work_states(parse_unsigned_option("--max-work", opts->actors.max_work, 0,
                                                              std::numeric_limits<std::uint64_t>::max()));
        a.contradictions = analyse_contradictions(c, co);
        const compiled_graph graph = compiled_graph::compile(c);
        a.strengths = semantics.score(graph, solve);
        // Contributions for the statements receiving the most relations (ties: case order).
        std::vector<std::uint32_t> order{};
        for (std::uint32_t v = 0; v < graph.statement_count; ++v)
            if (graph.in_offsets[v + 1] > graph.in_offsets[v]) order.push_back(v);
        std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
            return graph.in_offsets[x + 1] - graph.in_offsets[x] > graph.in_offsets[y + 1] - graph.in_offsets[y];
        });
        for (const auto v : order) {
            if (a.contributions.size() == topics) break;
            if (narrative::detail::ancestors_of(graph, v).size() > max_contributors) {
                ++a.contributions_left_out;
                continue;
            }
            a.contributions.push_back(
                contributions(graph, semantics, v,
                              {.function = function, .solve = solve, .max_contributors = max_contributors}));
        }
        a.contribution_topics_limit = topics;
        const explain::document doc = explain::case_report(c, a, ro);

        std::string text{};
        if (format == "html") {
            report::html_options ho{};
            ho.layout = [](std::string_view dot) {
                try {
                    return report::graphviz_svg(dot);
                } catch (const report::layout_error& e) {
                    throw output_error("report", std::string("the graph could not be laid out: ") + e.what());
                }
            };
            ho.generator = "narrative " + std::string(version_string) + " report";
            text = report::write_html(doc, ho);
        } else if (format == "markdown") {
            text = report::write_markdown(doc);
        } else if (format == "json") {
            text = report::report_to_json(doc).dump(2) + "\n";
        } else {
            text = report::write_text(doc);
        }
        emit_to(opts->output, text);
    });
}

}  // namespace narrative::cli
