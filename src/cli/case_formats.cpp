// SPDX-License-Identifier: MIT
// The format table behind convert and merge.

#include "case_formats.hpp"

#include "commands.hpp"

#include <narrative/infer/infer_relations.hpp>
#include <narrative/io/aif.hpp>
#include <narrative/io/argdown.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/io/iccma.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace narrative::cli {
namespace {

struct format_entry {
    std::string_view name;
    std::vector<std::string_view> extensions;  // lower case, with the dot
    check_result (*read)(const std::string& text, const std::string& source) = nullptr;
    std::string (*write)(case_model& c, const std::string& input, const std::string& output,
                         bool infer_for_drawing) = nullptr;
};

check_result read_json(const std::string& text, const std::string& source) { return check_case(text, source); }

check_result read_graphml_text(const std::string& text, const std::string& source) {
    std::istringstream in(text);
    return check_graphml(in, source);
}

check_result read_aif_text(const std::string& text, const std::string& source) { return check_aif(text, source); }

std::string write_json(case_model& c, const std::string&, const std::string&, bool) { return write_case(c); }

std::string write_graphml_text(case_model& c, const std::string& input, const std::string& output, bool) {
    // What XML cannot carry (U+0000, most control characters) is refused before anything is
    // written, each at its place in the case (exit code 3).
    if (const auto problems = graphml_problems(c, input); !problems.empty()) {
        print_diagnostics(problems);
        throw output_error(output, "GraphML cannot carry some text of the case (" + std::to_string(problems.size()) +
                                       (problems.size() == 1 ? " value" : " values") + ", listed above)");
    }
    return write_graphml(c);
}

std::string write_dot_text(case_model& c, const std::string&, const std::string&, bool infer_for_drawing) {
    // A drawing is an analysis view: the inferred relations are drawn, as the analyses use them.
    if (infer_for_drawing) (void)infer_relations(c);
    return write_dot(c);
}

std::string write_aif_text(case_model& c, const std::string&, const std::string&, bool) { return write_aif(c); }

check_result read_argdown_text(const std::string& text, const std::string& source) {
    return check_argdown(text, source);
}

// The case as Argdown text; what it cannot carry is refused (exit 3), what it drops is warned about.
std::string write_argdown_text(case_model& c, const std::string& input, const std::string& output, bool) {
    if (const auto problems = argdown_problems(c, input); !problems.empty()) {
        print_diagnostics(problems);
        throw output_error(output, "Argdown cannot carry some text of the case (" + std::to_string(problems.size()) +
                                       (problems.size() == 1 ? " value" : " values") + ", listed above)");
    }
    auto written = write_argdown(c, input);
    print_diagnostics(written.dropped);
    return std::move(written.text);
}

template <iccma_format F>
check_result read_iccma_text(const std::string& text, const std::string& source) {
    return check_iccma(text, F, source);
}

// The attack graph of the case in an ICCMA format; what the projection drops is warned about.
template <iccma_format F>
std::string write_iccma_text(case_model& c, const std::string& input, const std::string& output, bool infer) {
    if (const auto problems = iccma_problems(c, F, input); !problems.empty()) {
        print_diagnostics(problems);
        throw output_error(output, std::string(to_string(F)) + " cannot carry some ids of the case (" +
                                       std::to_string(problems.size()) + (problems.size() == 1 ? " id" : " ids") +
                                       ", listed above)");
    }
    // The crisp layer the extensions command uses: inferred contradictions attack too.
    if (infer) (void)infer_relations(c);
    auto written = write_iccma(c, F, input);
    print_diagnostics(written.dropped);
    return std::move(written.text);
}

// In the order the lists print. A format without reader or writer is write-only or read-only.
const std::vector<format_entry>& formats() {
    static const std::vector<format_entry> table = {
        {.name = "json", .extensions = {".json"}, .read = read_json, .write = write_json},
        {.name = "graphml", .extensions = {".graphml", ".xml"}, .read = read_graphml_text, .write = write_graphml_text},
        {.name = "dot", .extensions = {".dot", ".gv"}, .read = nullptr, .write = write_dot_text},
        {.name = "aif", .extensions = {}, .read = read_aif_text, .write = write_aif_text},
        {.name = "apx", .extensions = {".apx"}, .read = read_iccma_text<iccma_format::apx>,
         .write = write_iccma_text<iccma_format::apx>},
        {.name = "tgf", .extensions = {".tgf"}, .read = read_iccma_text<iccma_format::tgf>,
         .write = write_iccma_text<iccma_format::tgf>},
        {.name = "i23", .extensions = {".i23"}, .read = read_iccma_text<iccma_format::i23>,
         .write = write_iccma_text<iccma_format::i23>},
        {.name = "argdown", .extensions = {".argdown", ".ad"}, .read = read_argdown_text, .write = write_argdown_text},
    };
    return table;
}

const format_entry* find_format(std::string_view name) {
    for (const auto& f : formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string by_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (const auto& f : formats())
        if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) return std::string(f.name);
    return {};
}

}  // namespace

std::vector<std::string> readable_format_names() {
    std::vector<std::string> out;
    for (const auto& f : formats())
        if (f.read) out.emplace_back(f.name);
    return out;
}

std::vector<std::string> writable_format_names() {
    std::vector<std::string> out;
    for (const auto& f : formats())
        if (f.write) out.emplace_back(f.name);
    return out;
}

std::string readable_format_list() { return join(readable_format_names()); }
std::string writable_format_list() { return join(writable_format_names()); }

std::string input_format(const std::string& path, const std::string& given, std::string_view text) {
    if (!given.empty()) return given;
    std::string format = by_extension(path);
    if (format.empty())
        throw usage_error("cannot tell the input format of \"" + path + "\" from its extension; give --from (" +
                          readable_format_list() + ")");
    // AIF nodesets are .json files too: told apart by their top-level keys.
    if (format == "json" && looks_like_aif(text)) return "aif";
    return format;
}

std::string output_format(const std::string& path, const std::string& given) {
    if (!given.empty()) return given;
    std::string format = by_extension(path);
    if (format.empty())
        throw usage_error("cannot tell the output format of \"" + path + "\" from its extension; give --to (" +
                          writable_format_list() + ")");
    return format;
}

case_model read_case_as(const std::string& path, const std::string& format) {
    const std::string source = path == "-" ? "<stdin>" : path;
    // Refused before reading: standard input cannot be detected by extension.
    if (format.empty() && path == "-")
        throw usage_error("give --from for standard input (" + readable_format_list() + ")");
    const std::string text = read_input(path);
    const std::string chosen = input_format(path, format, text);
    const format_entry* f = find_format(chosen);
    if (!f || !f->read)
        throw usage_error("cannot read format \"" + chosen + "\"; formats that can be read: " + readable_format_list());
    check_result result = f->read(text, source);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    print_diagnostics(result.diagnostics);
    return std::move(*result.model);
}

std::string write_case_as(case_model& c, const std::string& format, const std::string& input,
                          const std::string& output, bool infer_for_drawing) {
    const format_entry* f = find_format(format);
    if (!f || !f->write)
        throw usage_error("cannot write format \"" + format + "\"; formats that can be written: " +
                          writable_format_list());
    return f->write(c, input, output == "-" ? std::string("<stdout>") : output, infer_for_drawing);
}

}  // namespace narrative::cli
