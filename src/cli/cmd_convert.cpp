// SPDX-License-Identifier: MIT
// `narrative convert IN OUT [--from FMT] [--to FMT]`: between case JSON, GraphML, AIF, DOT and the
// ICCMA formats (apx, tgf, i23), Argdown text and CSV/TSV tables.

#include "case_formats.hpp"
#include "commands.hpp"

#include <algorithm>
#include <memory>

namespace narrative::cli {
namespace {

// Why a DOT file is not read back: the drawing leaves out what the case needs.
std::string dot_is_not_read() {
    return "cannot read DOT: it is an export for drawing (statement texts are cut, propositions and extensions left "
           "out), so a case cannot be rebuilt from it; formats that can be read: " +
           readable_format_list();
}

std::string braced(const std::vector<std::string>& names) {
    std::string out = "{";
    for (const auto& n : names) out += (out.size() > 1 ? "," : "") + n;
    return out + "}";
}

}  // namespace

void register_convert(CLI::App& app) {
    struct options {
        std::string input{}, output{}, from{}, to{};
        bool no_infer = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand("convert", "Convert a case between formats (read: " + readable_format_list() +
                                                      "; write: " + writable_format_list() + ")");
    cmd->add_option("IN", opts->input, "Input file, or - for standard input (then give --from)")->required();
    cmd->add_option("OUT", opts->output, "Output file, written atomically, or - for standard output (then give --to)")
        ->required();
    cmd->add_option("--from", opts->from,
                    "Input format (DOT is written for drawing, not read); a .json input holding an AIF nodeset "
                    "(top-level \"nodes\" or \"AIF\", no \"format\") is read as AIF, one holding ClaimReview "
                    "(naming \"ClaimReview\", no \"format\") as ClaimReview, one with a top-level \"arguments\" (no "
                    "\"format\") as Argdown's JSON export")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                const auto names = readable_format_names();
                if (std::find(names.begin(), names.end(), value) != names.end()) return {};
                if (value == "dot") return dot_is_not_read();
                return "cannot read format \"" + value + "\"; formats that can be read: " + readable_format_list();
            },
            braced(readable_format_names())));
    cmd->add_option("--to", opts->to, "Output format (AIF only when asked for: .json is written as a case file)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                const auto names = writable_format_names();
                if (std::find(names.begin(), names.end(), value) != names.end()) return {};
                return "cannot write format \"" + value + "\"; formats that can be written: " + writable_format_list();
            },
            braced(writable_format_names())));
    cmd->add_flag("--no-infer", opts->no_infer,
                  "DOT: draw only the relations stated in the case (by default the relations inferred from claims "
                  "are drawn too, dotted); ICCMA: write only the stated attacks (by default inferred "
                  "contradictions are attacks too, as for `extensions`); case JSON, GraphML and AIF never carry "
                  "inferred relations");
    add_table_options(cmd);
    cmd->callback([opts] {
        // Formats are settled before reading, so a wrong name costs no read.
        const std::string guessed = input_format(opts->input, opts->from, {});
        const std::string to = output_format(opts->output, opts->to);
        if (guessed == "dot") throw usage_error(dot_is_not_read());
        case_model& c = keep_until_exit(read_case_as(opts->input, opts->from));
        const std::string text = step("converting to " + to, [&] {
            return write_case_as(c, to, opts->input == "-" ? "<stdin>" : opts->input, opts->output, !opts->no_infer);
        });
        emit_to(opts->output, text);
    });
}

}  // namespace narrative::cli
