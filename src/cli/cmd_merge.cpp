// SPDX-License-Identifier: MIT
// `narrative merge A B ... -o C [--from FMT] [--to FMT]`: several cases (any readable format)
// into one.

#include "case_formats.hpp"
#include "commands.hpp"

#include <narrative/io/merge.hpp>

#include <memory>

namespace narrative::cli {

void register_merge(CLI::App& app) {
    struct options {
        std::vector<std::string> inputs{};
        std::string output{}, from{}, to{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "merge", "Merge cases into one: actors matched by id or name, identical statements kept once, colliding "
                 "statement ids renamed id~2, id~3, ..., each item marked with its file in \"x-source-file\"");
    cmd->add_option("INPUTS", opts->inputs, "Input files (" + readable_format_list() + "; by extension and content)")
        ->required()
        ->expected(1, -1);
    cmd->add_option("-o,--output", opts->output, "Output file, written atomically, or - for standard output")
        ->required();
    cmd->add_option("--from", opts->from, "Format of every input (default: told from each file)")
        ->check(CLI::IsMember(readable_format_names()));
    cmd->add_option("--to", opts->to, "Output format (default: by the extension of the output)")
        ->check(CLI::IsMember(writable_format_names()));
    add_table_options(cmd);
    cmd->callback([opts] {
        const std::string to = output_format(opts->output, opts->to);
        std::vector<merge_input> inputs;
        inputs.reserve(opts->inputs.size());
        for (const auto& path : opts->inputs)
            inputs.push_back({.source = path == "-" ? "<stdin>" : path, .model = read_case_as(path, opts->from)});
        auto result = merge_cases(inputs);
        if (!result.model) throw parse_error(std::move(result.diagnostics));
        print_diagnostics(result.diagnostics);  // renamed ids, conflicting definitions
        const std::string text = write_case_as(*result.model, to, "<merged>", opts->output, true);
        emit_to(opts->output, text);
    });
}

}  // namespace narrative::cli
