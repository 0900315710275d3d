// SPDX-License-Identifier: MIT
// `narrative diff OLD NEW`: what changed between two versions of a case, and which results of
// the analyses moved, each with the changes related to it.
// Load both → analyse both → diff (diff/case_diff.hpp) → explain → write.

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/diff/case_diff.hpp>
#include <narrative/explain/diff_report.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/diff.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/text.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace narrative::cli {

void register_diff(CLI::App& app) {
    struct options {
        std::string before{}, after{};
        output_options output{};
        std::string semantics = "df-quad";
        std::string threads = "0";
        actor_report_options actors{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand("diff", "What changed between two versions of a case, and which results moved");
    cmd->add_option("OLD", opts->before, "The earlier version (case file, or - for standard input)")->required();
    cmd->add_option("NEW", opts->after, "The later version")->required();
    cmd->add_option("--semantics", opts->semantics, "Gradual semantics of the strengths")->capture_default_str();
    add_threads_option(cmd, opts->threads);
    add_actor_report_options(cmd, opts->actors);
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        if (opts->before == "-" && opts->after == "-") throw usage_error("diff: only one of OLD and NEW can be -");
        const any_gradual_semantics& semantics = find_gradual_semantics(opts->semantics);
        const score_options solve{.threads = parse_threads(opts->threads)};
        auto analyse = [&](case_model& c) {
            case_results r{};
            r.actors = run_actor_report(c, opts->actors, 0);  // infers relations unless --no-infer
            r.contradictions = analyse_contradictions(c, {});
            r.strengths = semantics.score(compiled_graph::compile(c), solve);
            return r;
        };
        case_model before = load_case_argument(opts->before);
        case_model after = load_case_argument(opts->after);
        const case_results rb = analyse(before);
        const case_results ra = analyse(after);
        const case_diff d = diff_cases(before, rb, after, ra);
        if (opts->output.format == "json") {
            emit(opts->output, report::diff_to_json(d).dump(2) + "\n");
            return;
        }
        const auto name = [](const std::string& path) {
            return path == "-" ? std::string("<stdin>") : std::filesystem::path(path).filename().string();
        };
        const explain::document doc = explain::diff_document(d, name(opts->before), name(opts->after));
        emit(opts->output, opts->output.format == "markdown" ? report::write_markdown(doc) : report::write_text(doc));
    });
}

}  // namespace narrative::cli
