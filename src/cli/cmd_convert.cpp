// SPDX-License-Identifier: MIT
// `narrative convert IN OUT [--from FMT] [--to FMT]`: between case JSON, GraphML, DOT and the
// ICCMA formats (apx, tgf, i23) and Argdown text.

#include "commands.hpp"

#include <narrative/io/argdown.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/io/iccma.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <sstream>
#include <string_view>

namespace narrative::cli {
namespace {

// Every format convert knows: its name, the file extensions that name it, and whether it is read
// and written. The lists in messages and in --help come from this table.
struct format_entry {
    std::string_view name;
    std::array<std::string_view, 2> extensions;
    bool readable;
    bool writable;
};
constexpr format_entry formats[] = {
    {"json", {".json", ""}, true, true},   {"graphml", {".graphml", ".xml"}, true, true},
    {"dot", {".dot", ".gv"}, false, true}, {"apx", {".apx", ""}, true, true},
    {"tgf", {".tgf", ""}, true, true},     {"i23", {".i23", ""}, true, true},
    {"argdown", {".argdown", ".ad"}, true, true},
};

// The names of the formats read (or written), joined by `separator`.
std::string format_names(bool read, const char* separator) {
    std::string out;
    for (const auto& f : formats)
        if (read ? f.readable : f.writable) (out += out.empty() ? "" : separator) += f.name;
    return out;
}
const std::string readable_formats = format_names(true, ", ");
const std::string writable_formats = format_names(false, ", ");
// Why a DOT file is not read back: the drawing leaves out what the case needs.
const std::string dot_is_not_read =
    "cannot read DOT: it is an export for drawing (statement texts are cut, propositions and extensions left out), "
    "so a case cannot be rebuilt from it; formats that can be read: " + readable_formats;

std::string format_of(const std::string& path, const std::string& given, const char* role) {
    if (!given.empty()) return given;
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (const auto& f : formats)
        if (!ext.empty() && (ext == f.extensions[0] || ext == f.extensions[1])) return std::string(f.name);
    throw usage_error(std::string("cannot tell the ") + role + " format of \"" + path + "\" from its extension; give --" +
                      (std::string(role) == "input" ? "from" : "to") + " (" +
                      format_names(std::string(role) == "input", ", ") + ")");
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
    } else if (const auto iccma = parse_iccma_format(format)) {
        result = check_iccma(text, *iccma, source);
    } else if (format == "argdown") {
        result = check_argdown(text, source);
    } else {
        throw usage_error("cannot read format \"" + format + "\"; formats that can be read: " + readable_formats);
    }
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    print_diagnostics(result.diagnostics);
    return std::move(*result.model);
}

// The attack graph of the case in an ICCMA format; what the projection drops is warned about.
std::string write_as_iccma(case_model& c, iccma_format format, const std::string& input, const std::string& output,
                           bool no_infer) {
    const std::string source = input == "-" ? "<stdin>" : input;
    if (const auto problems = iccma_problems(c, format, source); !problems.empty()) {
        print_diagnostics(problems);
        throw output_error(output == "-" ? std::string("<stdout>") : output,
                           std::string(to_string(format)) + " cannot carry some ids of the case (" +
                               std::to_string(problems.size()) + (problems.size() == 1 ? " id" : " ids") +
                               ", listed above)");
    }
    // The crisp layer the extensions command uses: inferred contradictions attack too.
    if (!no_infer) (void)infer_relations(c);
    auto written = write_iccma(c, format, source);
    print_diagnostics(written.dropped);
    return std::move(written.text);
}

// The case as Argdown text; what it cannot carry is refused (exit 3), what it drops is warned about.
std::string write_as_argdown(const case_model& c, const std::string& input, const std::string& output) {
    const std::string source = input == "-" ? "<stdin>" : input;
    if (const auto problems = argdown_problems(c, source); !problems.empty()) {
        print_diagnostics(problems);
        throw output_error(output == "-" ? std::string("<stdout>") : output,
                           "Argdown cannot carry some text of the case (" + std::to_string(problems.size()) +
                               (problems.size() == 1 ? " value" : " values") + ", listed above)");
    }
    auto written = write_argdown(c, source);
    print_diagnostics(written.dropped);
    return std::move(written.text);
}

}  // namespace

void register_convert(CLI::App& app) {
    struct options {
        std::string input{}, output{}, from{}, to{};
        bool no_infer = false;
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "convert", "Convert a case between formats (read: " + format_names(true, ", ") +
                       "; write: " + format_names(false, ", ") + ")");
    cmd->add_option("IN", opts->input, "Input file, or - for standard input (then give --from)")->required();
    cmd->add_option("OUT", opts->output, "Output file, written atomically, or - for standard output (then give --to)")
        ->required();
    cmd->add_option("--from", opts->from, "Input format (DOT is written for drawing, not read)")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                for (const auto& f : formats)
                    if (f.readable && value == f.name) return {};
                if (value == "dot") return dot_is_not_read;
                return "cannot read format \"" + value + "\"; formats that can be read: " + readable_formats;
            },
            "{" + format_names(true, ",") + "}"));
    cmd->add_option("--to", opts->to, "Output format")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                for (const auto& f : formats)
                    if (f.writable && value == f.name) return {};
                return "cannot write format \"" + value + "\"; formats that can be written: " + writable_formats;
            },
            "{" + format_names(false, ",") + "}"));
    cmd->add_flag("--no-infer", opts->no_infer,
                  "DOT: draw only the relations stated in the case (by default the relations inferred from claims "
                  "are drawn too, dotted); ICCMA: write only the stated attacks (by default inferred "
                  "contradictions are attacks too, as for `extensions`); case JSON and GraphML never carry "
                  "inferred relations");
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
        } else if (const auto iccma = parse_iccma_format(to)) {
            text = write_as_iccma(c, *iccma, opts->input, opts->output, opts->no_infer);
        } else if (to == "argdown") {
            text = write_as_argdown(c, opts->input, opts->output);
        } else {
            throw usage_error("cannot write format \"" + to + "\"; formats that can be written: " + writable_formats);
        }
        emit_to(opts->output, text);
    });
}

}  // namespace narrative::cli
