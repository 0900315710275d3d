// SPDX-License-Identifier: MIT
// `narrative actors`: per-actor self-consistency, external consistency and credibility, and
// what the evidence believes about each proposition.

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/report/actors.hpp>

#include <algorithm>
#include <memory>
#include <sstream>

namespace narrative::cli {

void register_actors(CLI::App& app) {
    auto output = std::make_shared<output_options>();
    auto options = std::make_shared<actor_report_options>();
    auto path = std::make_shared<std::string>();
    CLI::App* cmd = app.add_subcommand("actors", "Per-actor consistency and credibility report");
    cmd->add_option("CASE", *path, "Case file (- for standard input)")->required();
    add_actor_report_options(cmd, *options);
    add_output_options(cmd, *output);
    cmd->callback([output, options, path] {
        case_model& c = keep_until_exit(load_case_argument(*path));
        const auto rep = run_actor_report(c, *options, 3);
        const std::string text = step("formatting", [&] {
            return output->format == "json" ? report::actors_json(c, rep)
                                            : report::actors_text(c, rep, output->format == "markdown");
        });
        emit(*output, text);
    });
}

}  // namespace narrative::cli
