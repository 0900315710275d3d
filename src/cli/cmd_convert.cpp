// SPDX-License-Identifier: MIT
// `narrative convert IN OUT [--from FMT] [--to FMT]`: between case JSON, GraphML and DOT.

#include "commands.hpp"

#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <algorithm>
#include <memory>
#include <sstream>

namespace narrative::cli {
namespace {

constexpr const char* readable_formats = "json, graphml";
constexpr const char* writable_formats = "json, graphml, dot";
// Why a DOT file is not read back: the drawing leaves out what the case needs.
constexpr const char* dot_is_not_read =
    "cannot read DOT: it is an export for drawing (statement texts are cut, propositions and extensions left out), "
    "so a case cannot be rebuilt from it; formats that can be read: json, graphml";

std::string format_of(const std::string& path, const std::string& given, const char* role) {
    if (!given.empty()) return given;
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext == ".json") return "json";
    if (ext == ".graphml" || ext == ".xml") return "graphml";
    if (ext == ".dot" || ext == ".gv") return "dot";
    throw usage_error(std::string("cannot tell the ") + role + " format of \"" + path + "\" from its extension; give --" +
                      (std::string(role) == "input" ? "from" : "to") + " (json, graphml or dot)");
}

case_model read_as(const std::string& format, const std::string& path) {
    const std::string source = path == "-" ? "<stdin>" : path;
    const std::string text = read_input(path);
    check_result result;
    if (format == "json") {
        result = check_case(text, source);
    } else if (format == "graphml") {
        std::istringstream in(text);
        result = check_graphml(in, source);
    } else {
        throw usage_error("cannot read format \"" + format + "\"; formats that can be read: " + readable_formats);
    }
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    print_diagnostics(result.diagnostics);
    return std::move(*result.model);
}

}  // namespace

void register_convert(CLI::App& app) {
    struct options {
        std::string input{}, output{}, from{}, to{};
        bool no_infer = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "convert", "Convert a case between formats (read: json, graphml; write: json, graphml, dot)");
    cmd->add_option("IN", opts->input, "Input file, or - for standard input (then give --from)")->required();
    cmd->add_option("OUT", opts->output, "Output file, written atomically, or - for standard output (then give --to)")
        ->required();
    cmd->add_option("--from", opts->from, "Input format (DOT is written for drawing, not read)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                if (value == "json" || value == "graphml") return {};
                if (value == "dot") return dot_is_not_read;
                return "cannot read format \"" + value + "\"; formats that can be read: " + readable_formats;
            },
            "{json,graphml}"));
    cmd->add_option("--to", opts->to, "Output format")->check(CLI::IsMember({"json", "graphml", "dot"}));
    cmd->add_flag("--no-infer", opts->no_infer,
                  "DOT: draw only the relations stated in the case (by default the relations inferred from claims "
                  "are drawn too, dotted); case JSON and GraphML never carry inferred relations");
    cmd->callback([opts] {
        const std::string from = format_of(opts->input, opts->from, "input");
        const std::string to = format_of(opts->output, opts->to, "output");
        if (from == "dot") throw usage_error(dot_is_not_read);
        case_model c = read_as(from, opts->input);
        std::string text;
        if (to == "json") {
            text = write_case(c);
        } else if (to == "graphml") {
            // What XML cannot carry (U+0000, most control characters) is refused before
            // anything is written, each at its place in the case (exit code 3).
            if (const auto problems = graphml_problems(c, opts->input == "-" ? "<stdin>" : opts->input);
                !problems.empty()) {
                print_diagnostics(problems);
                throw output_error(opts->output == "-" ? std::string("<stdout>") : opts->output,
                                   "GraphML cannot carry some text of the case (" +
                                       std::to_string(problems.size()) + (problems.size() == 1 ? " value" : " values") +
                                       ", listed above)");
            }
            text = write_graphml(c);
        } else if (to == "dot") {
            // A drawing is an analysis view: the inferred relations are drawn, as the analyses use them.
            if (!opts->no_infer) (void)infer_relations(c);
            text = write_dot(c);
        } else {
            throw usage_error("cannot write format \"" + to + "\"; formats that can be written: " + writable_formats);
        }
        emit_to(opts->output, text);
    });
}

}  // namespace narrative::cli
