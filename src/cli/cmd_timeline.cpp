// SPDX-License-Identifier: MIT
// `narrative timeline CASE`: the analyses replayed at each date on which statements arrive:
// how verdicts, credibility and strengths moved as the story unfolded.
// Load → replay (timeline/replay.hpp) → explain (explain/timeline_report.hpp) → write (report/).

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/explain/timeline_report.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/html.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/text.hpp>
#include <narrative/report/timeline.hpp>
#include <narrative/timeline/replay.hpp>
#include <narrative/version.hpp>

#include <limits>
#include <memory>
#include <string>

namespace narrative::cli {

void register_timeline(CLI::App& app) {
    struct options {
        std::string input{};
        std::string output{};
        std::string format = "table";
        std::string semantics = "df-quad";
        std::string max_steps = "200";
        std::string threads = "0";
        actor_report_options actors{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "timeline", "The analyses replayed at each date statements arrive: verdicts, credibility and strengths over time");
    cmd->add_option("CASE", opts->input, "Case file, or - for standard input")->required();
    cmd->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    cmd->add_option("--format", opts->format, "table, json, markdown or html")
        ->check(CLI::IsMember({"table", "json", "markdown", "html"}))
        ->capture_default_str();
    cmd->add_option("--semantics", opts->semantics, "Gradual semantics of the strengths")->capture_default_str();
    cmd->add_option("--max-steps", opts->max_steps,
                    "Largest number of dates replayed (each runs every analysis); a case with more is refused")
        ->type_name("UINT")
        ->capture_default_str();
    add_threads_option(cmd, opts->threads);
    add_actor_report_options(cmd, opts->actors);
    cmd->callback([opts] {
        const any_gradual_semantics& semantics = find_gradual_semantics(opts->semantics);
        timeline_options to{};
        to.solve.threads = parse_threads(opts->threads);
        to.actors = actor_options(opts->actors);
        to.infer = !opts->actors.no_infer;
        to.max_steps = static_cast<std::size_t>(
            parse_unsigned_option("--max-steps", opts->max_steps, 1, std::numeric_limits<std::uint32_t>::max()));
        const case_model& c = keep_until_exit(load_case_argument(opts->input));
        const timeline_result t = replay_timeline(c, semantics, to);
        if (opts->format == "json") {
            emit_to(opts->output, report::timeline_to_json(c, t).dump(2) + "\n");
            return;
        }
        const explain::document d = explain::timeline_document(c, t);
        if (opts->format == "markdown") {
            emit_to(opts->output, report::write_markdown(d));
        } else if (opts->format == "html") {
            report::html_options ho{};
            ho.generator = "narrative " + std::string(version_string) + " timeline";
            emit_to(opts->output, report::write_html(d, ho));
        } else {
            emit_to(opts->output, report::write_text(d));
        }
    });
}

}  // namespace narrative::cli
