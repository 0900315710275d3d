// SPDX-License-Identifier: MIT
// The format table behind convert and merge.

#include "case_formats.hpp"

#include "commands.hpp"

#include <narrative/infer/infer_relations.hpp>
#include <narrative/io/aif.hpp>
#include <narrative/io/argdown.hpp>
#include <narrative/io/argdown_json.hpp>
#include <narrative/io/case_csv.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/claimreview.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/io/iccma.hpp>
#include <narrative/io/stance_csv.hpp>

#include <CLI/CLI.hpp>

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

// The delimiter of a table: --delimiter, else the mapping's, else by extension (`.tsv`, `.tab`:
// tab), else `fallback`.
char table_delimiter(const std::string& source, char fallback) {
    const auto& o = current_table_options();
    if (o.delimiter == "tab") return '\t';
    if (o.delimiter.size() == 1) return o.delimiter[0];
    if (!o.delimiter.empty()) throw usage_error("--delimiter must be one character or tab, got \"" + o.delimiter + "\"");
    std::string ext = std::filesystem::path(source).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (ext == ".tsv" || ext == ".tab") return '\t';
    if (ext == ".csv") return ',';
    return fallback;
}

// `key=column,...,ignore=A+B`: the columns of one table, and the ignored ones added to `ignore`.
std::map<std::string, std::string, std::less<>> table_columns(const std::string& spec, std::vector<std::string>& ignore) {
    auto columns = parse_table_columns(spec);
    if (const auto it = columns.find("ignore"); it != columns.end()) {
        std::size_t p = 0;
        const std::string& v = it->second;
        while (p <= v.size()) {
            const std::size_t plus = std::min(v.find('+', p), v.size());
            ignore.push_back(v.substr(p, plus - p));
            p = plus + 1;
        }
        columns.erase(it);
    }
    return columns;
}

// A case from its tables: the statements table given, the others beside it (NAME.relations.csv,
// NAME.actors.csv, NAME.propositions.csv, NAME.case.csv) when they exist, or --relations.
template <char Delimiter>
check_result read_table_text(const std::string& text, const std::string& source) {
    const auto& o = current_table_options();
    case_csv_mapping mapping{};
    if (!o.mapping.empty()) mapping = parse_table_mapping_json(read_input(o.mapping));
    const bool mapping_delimiter = !o.mapping.empty() && mapping.delimiter != ',';
    mapping.delimiter = mapping_delimiter ? table_delimiter(std::string(), mapping.delimiter)
                                          : table_delimiter(source, Delimiter);
    if (!o.columns.empty())
        for (auto& [k, v] : table_columns(o.columns, mapping.ignore))
            mapping.columns[case_table::statements].insert_or_assign(k, v);
    if (!o.relation_columns.empty())
        for (auto& [k, v] : table_columns(o.relation_columns, mapping.ignore))
            mapping.columns[case_table::relations].insert_or_assign(k, v);
    case_csv_input input{.statements = {.text = text, .source = source}};
    const bool from_file = source != "<stdin>";
    auto beside = [&](case_table t, const std::string& given) -> std::optional<csv_table_text> {
        const std::string path = !given.empty() ? given : from_file ? case_table_path(source, t) : std::string();
        if (path.empty()) return std::nullopt;
        std::error_code ec;
        if (given.empty() && !std::filesystem::is_regular_file(path, ec)) return std::nullopt;
        return csv_table_text{.text = read_input(path), .source = path};
    };
    input.relations = beside(case_table::relations, o.relations);
    input.actors = beside(case_table::actors, {});
    input.propositions = beside(case_table::propositions, {});
    input.info = beside(case_table::info, {});
    return check_case_tables(input, mapping);
}

// The case as tables: OUT is the statements table; the relations, actors, propositions and
// case tables are written beside it (atomically, each refusing to replace an input). To
// standard output only the statements table goes, and what it leaves out is warned about.
template <char Delimiter>
std::string write_table_text(case_model& c, const std::string& input, const std::string& output, bool) {
    const char delimiter = table_delimiter(output, Delimiter);
    case_csv_output tables = write_case_tables(c, delimiter);
    // The standard streams, by any of their names, get the statements table only (as emit_to
    // writes them as streams, no table can go beside them).
    const bool stream = output == "<stdout>" || output == "/dev/stdout" || output == "/dev/fd/1" ||
                        output == "/proc/self/fd/1" || output == "/dev/stderr" || output == "/dev/fd/2" ||
                        output == "/proc/self/fd/2";
    if (stream) {
        std::size_t relations = 0;
        for (const relation_handle e : c.relations())
            relations += c.relation_at(e).provenance == provenance::asserted ? 1 : 0;
        std::vector<diagnostic> dropped{};
        if (relations > 0 || !c.actors().empty() || !c.propositions().empty())
            dropped.push_back({.severity = severity::warning, .source = input, .location = {},
                               .message = "only the statements table goes to " +
                                          (output == "<stdout>" ? std::string("standard output") : output) + ": " +
                                          std::to_string(relations) + " relations, " +
                                          std::to_string(c.actors().size()) + " actors and " +
                                          std::to_string(c.propositions().size()) +
                                          " propositions are left out (write to a file to get every table)"});
        print_diagnostics(dropped);
        return std::move(tables.statements);
    }
    emit_to(case_table_path(output, case_table::relations), tables.relations);
    emit_to(case_table_path(output, case_table::actors), tables.actors);
    emit_to(case_table_path(output, case_table::propositions), tables.propositions);
    emit_to(case_table_path(output, case_table::info), tables.info);
    return std::move(tables.statements);
}

// A stance table (one row per statement with actor, proposition, value, stance): the mapping
// from --columns (key=column,...) or --mapping (JSON), which must name actor and proposition.
check_result read_stance_table_text(const std::string& text, const std::string& source) {
    const auto& o = current_table_options();
    if (o.columns.empty() && o.mapping.empty())
        throw usage_error("a stance table needs its columns: give --columns actor=COLUMN,proposition=COLUMN,... "
                          "or --mapping FILE");
    if (!o.relation_columns.empty() || !o.relations.empty())
        throw usage_error("a stance table has no relations table: --relation-columns and --relations do not apply");
    stance_csv_mapping mapping = !o.mapping.empty() ? parse_stance_csv_mapping_json(read_input(o.mapping))
                                                    : parse_stance_csv_mapping(o.columns);
    if (!o.mapping.empty() && !o.columns.empty())
        throw usage_error("give the stance columns either with --columns or with --mapping, not both");
    const bool mapping_delimiter = !o.mapping.empty() && mapping.delimiter != ',';
    if (!o.delimiter.empty() || !mapping_delimiter) mapping.delimiter = table_delimiter(source, mapping.delimiter);
    auto imported = import_stance_csv(text, mapping, {.source_name = source, .strict = !o.skip_bad_rows});
    check_result result{};
    for (auto& d : imported.diagnostics) {
        d.severity = severity::warning;
        d.message = "row left out: " + d.message;
    }
    result.diagnostics = std::move(imported.diagnostics);
    result.model = std::move(imported.model);
    return result;
}

check_result read_argdown_json_text(const std::string& text, const std::string& source) {
    return check_argdown_json(text, source);
}

check_result read_claimreview_text(const std::string& text, const std::string& source) {
    return check_claimreview(text, source);
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
        {.name = "csv", .extensions = {".csv"}, .read = read_table_text<','>, .write = write_table_text<','>},
        {.name = "tsv", .extensions = {".tsv", ".tab"}, .read = read_table_text<'\t'>, .write = write_table_text<'\t'>},
        {.name = "stance-csv", .extensions = {}, .read = read_stance_table_text, .write = nullptr},
        {.name = "claimreview", .extensions = {}, .read = read_claimreview_text, .write = nullptr},
        {.name = "argdown-json", .extensions = {}, .read = read_argdown_json_text, .write = nullptr},
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

}  // namespace

table_options& current_table_options() {
    static table_options options{};
    return options;
}

void add_table_options(CLI::App* command) {
    auto& o = current_table_options();
    command->add_option("--columns", o.columns,
                        "Tables: which column gives which key of the statements table, KEY=COLUMN,... (default: "
                        "columns named as the keys; ignore=A+B leaves columns out); stance-csv: the stance mapping "
                        "(actor=COLUMN,proposition=COLUMN,...)");
    command->add_option("--relation-columns", o.relation_columns,
                        "Tables: which column gives which key of the relations table, KEY=COLUMN,...");
    command->add_option("--mapping", o.mapping,
                        "Tables: a JSON mapping file ({\"statements\": {KEY: COLUMN}, \"relations\": {...}, "
                        "\"ignore\": [...], \"delimiter\": \";\"}); stance-csv: a JSON stance mapping");
    command->add_option("--delimiter", o.delimiter,
                        "Tables: the field separator, one character or tab (default: tab for .tsv and .tab, "
                        "else comma)");
    command->add_option("--relations", o.relations,
                        "Tables: the relations table (default: NAME.relations.csv beside NAME.csv, when it exists)");
    command->add_flag("--skip-bad-rows", o.skip_bad_rows,
                      "stance-csv: leave bad rows out, each reported with its line, instead of refusing the table");
}

std::string format_by_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    for (const auto& f : formats())
        if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) return std::string(f.name);
    return {};
}

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
    std::string format = format_by_extension(path);
    if (format.empty())
        throw usage_error("cannot tell the input format of \"" + path + "\" from its extension; give --from (" +
                          readable_format_list() + ")");
    // AIF nodesets are .json files too: told apart by their top-level keys.
    if (format == "json" && looks_like_aif(text)) return "aif";
    // So are fact-checkers' ClaimReview files: told by the type they name.
    if (format == "json" && looks_like_claimreview(text)) return "claimreview";
    // And Argdown's JSON export: a top-level `arguments` without `format`.
    if (format == "json" && looks_like_argdown_json(text)) return "argdown-json";
    return format;
}

std::string output_format(const std::string& path, const std::string& given) {
    if (!given.empty()) return given;
    std::string format = format_by_extension(path);
    if (format.empty())
        throw usage_error("cannot tell the output format of \"" + path + "\" from its extension; give --to (" +
                          writable_format_list() + ")");
    return format;
}

check_result check_as(const std::string& text, const std::string& source, const std::string& format) {
    const format_entry* f = find_format(format);
    if (!f || !f->read)
        throw usage_error("cannot read format \"" + format + "\"; formats that can be read: " + readable_format_list());
    return f->read(text, source);
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
