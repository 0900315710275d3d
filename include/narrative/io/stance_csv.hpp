// SPDX-License-Identifier: MIT
#pragma once
// Import of stance tables (one row per statement: actor, claim, value, stance, time, text, …)
// from CSV or TSV into a case, with a column mapping given in code, as JSON or as `key=column`.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace narrative {

/// One row of a CSV file: its fields and the line (1-based) on which the row starts.
struct csv_row {
    std::size_t line = 0;
    std::vector<std::string> fields{};
};

/// Splits CSV text into rows (RFC 4180: fields may be quoted with `"`, a quote inside a quoted
/// field is doubled, quoted fields may span lines; CRLF and LF line ends). Blank lines are
/// skipped. Throws parse_error (`line:column`) on an unterminated quoted field or a stray
/// character after a closing quote.
///
/// Complexity: O(size of the text).
[[nodiscard]] inline std::vector<csv_row> read_csv_rows(std::string_view text, char delimiter = ',',
                                                        const std::string& source_name = "<string>") {
    std::vector<csv_row> rows{};
    std::size_t i = 0, line = 1, line_start = 0;  // line_start: offset of the current line
    const std::size_t n = text.size();
    while (i < n) {
        // Skip blank lines between rows.
        if (text[i] == '\n') { ++line; line_start = ++i; continue; }
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') { ++line; i += 2; line_start = i; continue; }
        csv_row row{.line = line, .fields = {}};
        std::string field{};
        bool row_done = false;
        while (!row_done) {
            field.clear();
            if (i < n && text[i] == '"') {
                const std::size_t open_line = line, open_col = i - line_start + 1;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char ch = text[i];
                    if (ch == '"') {
                        if (i + 1 < n && text[i + 1] == '"') { field += '"'; i += 2; continue; }
                        ++i;
                        closed = true;
                        break;
                    }
                    field += ch;
                    ++i;
                    if (ch == '\n') { ++line; line_start = i; }
                }
                if (!closed)
                    throw parse_error(diagnostic{
                        .severity = severity::error, .source = source_name,
                        .location = std::to_string(open_line) + ":" + std::to_string(open_col),
                        .message = "unterminated quoted field"});
                if (i < n && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
                    throw parse_error(diagnostic{
                        .severity = severity::error, .source = source_name,
                        .location = std::to_string(line) + ":" + std::to_string(i - line_start + 1),
                        .message = std::string("unexpected character '") + text[i] +
                                   "' after a closing quote"});
            } else {
                while (i < n && text[i] != delimiter && text[i] != '\n' &&
                       !(text[i] == '\r' && (i + 1 >= n || text[i + 1] == '\n')))
                    field += text[i++];
            }
            row.fields.push_back(field);
            if (i >= n) {
                row_done = true;
            } else if (text[i] == delimiter) {
                ++i;
            } else {
                if (text[i] == '\r') ++i;
                if (i < n && text[i] == '\n') ++i;
                ++line;
                line_start = i;
                row_done = true;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

/// Which columns of a stance table give which part of a statement.
///
/// A column is named by its header text, or by its 1-based position written `#N` (required
/// when the file has no header row). `actor`, `proposition` and `statement_id` may name several
/// columns: their non-empty fields are joined with `/` (e.g. city and census year as one
/// proposition). Only `actor` and `proposition` are required; every other part is optional.
struct stance_csv_mapping {
    std::vector<std::string> actor{};         ///< required: the actor id
    std::vector<std::string> proposition{};   ///< required: the proposition id
    std::string proposition_text{};           ///< text of the proposition (first row wins)
    std::string value{};                      ///< the claimed value; unset: yes/no propositions
    std::string stance{};                     ///< unset: every row asserts
    /// Spellings of the stance column → stance. Empty: `asserts`, `denies`, `reports` only.
    std::map<std::string, narrative::stance, std::less<>> stance_values{};
    std::string time{};                       ///< ISO 8601 time
    std::string text{};                       ///< the statement text
    std::string source{};                     ///< where it was said (URL, citation)
    std::vector<std::string> statement_id{};  ///< unset: `row-<line>`
    char delimiter = ',';                     ///< `,` for CSV, `\t` for TSV
    bool header = true;                       ///< the first row names the columns
    /// Field contents read as "missing" in optional columns (time, text, source, value).
    std::vector<std::string> missing_values{"", "null", "NA"};
};

/// What to do with bad rows.
struct stance_csv_options {
    std::string source_name = "<string>";  ///< file name used in diagnostics
    /// true: any bad row makes the import throw parse_error listing every bad row;
    /// false: bad rows are skipped and reported in `stance_csv_result::diagnostics`.
    bool strict = true;
};

/// The case built from a stance table, with every skipped row's diagnostic.
struct stance_csv_result {
    case_model model{};
    std::vector<diagnostic> diagnostics{};  ///< one per bad row, `location` = its line number
    std::size_t rows = 0;                   ///< data rows read (header excluded)
    std::size_t skipped = 0;                ///< bad rows left out
};

namespace detail {

[[nodiscard]] inline std::string csv_trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

[[nodiscard]] inline const char* stance_csv_keys() {
    return "actor, proposition, proposition_text, value, stance, stance_values, time, text, "
           "source, statement_id, delimiter, header, missing_values";
}

// A JSON syntax error of a mapping as a located diagnostic: `line:column` and the parser's
// message without its "[json.exception…] parse error at line …" prefix.
[[nodiscard]] inline diagnostic mapping_syntax_error(std::string_view text, const nlohmann::json::exception& e) {
    std::string what = e.what();
    if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    if (what.rfind("parse error", 0) == 0)
        if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    std::size_t pos = 0;
    if (const auto* p = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
        pos = p->byte == 0 ? 0 : p->byte - 1;
    } else {
        // Out-of-range numbers (1e400) come without a position: find the literal.
        const auto open = what.find('\''), close = what.rfind('\'');
        if (open != std::string::npos && close > open + 1)
            pos = std::min(text.find(what.substr(open + 1, close - open - 1)), text.size());
    }
    return {.severity = severity::error, .source = "<mapping>", .location = line_column(text, pos),
            .message = "invalid JSON: " + printable(what, 200, true)};
}

}  // namespace detail

/// Reads a mapping from JSON: `{"actor": "source", "proposition": ["city", "year"],
/// "value": "population", "stance": "stance", "stance_values": {"for": "asserts"},
/// "delimiter": "\t", "header": false}`. Columns are strings (`"name"` or `"#N"`) or lists of
/// them. Throws rule_error naming the key on an unknown key, a wrong type, an unknown stance
/// or a delimiter that is not one character; parse_error (source `<mapping>`, `line:column`)
/// on malformed JSON, including ill-formed UTF-8.
[[nodiscard]] inline stance_csv_mapping parse_stance_csv_mapping_json(std::string_view json_text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {
        throw parse_error(detail::mapping_syntax_error(json_text, e));
    }
    if (!j.is_object()) throw rule_error("stance csv mapping: must be a JSON object");
    stance_csv_mapping m{};
    auto columns = [](const nlohmann::json& v, const std::string& key) {
        std::vector<std::string> out{};
        if (v.is_string()) {
            out.push_back(v.get<std::string>());
        } else if (v.is_array()) {
            for (const auto& x : v) {
                if (!x.is_string())
                    throw rule_error("stance csv mapping: \"" + key + "\" must list column names");
                out.push_back(x.get<std::string>());
            }
        } else {
            throw rule_error("stance csv mapping: \"" + key +
                             "\" must be a column name or a list of column names");
        }
        return out;
    };
    auto one_column = [&](const nlohmann::json& v, const std::string& key) {
        auto c = columns(v, key);
        if (c.size() != 1)
            throw rule_error("stance csv mapping: \"" + key + "\" takes exactly one column");
        return c.front();
    };
    for (const auto& [key, v] : j.items()) {
        if (key == "actor") m.actor = columns(v, key);
        else if (key == "proposition") m.proposition = columns(v, key);
        else if (key == "statement_id") m.statement_id = columns(v, key);
        else if (key == "proposition_text") m.proposition_text = one_column(v, key);
        else if (key == "value") m.value = one_column(v, key);
        else if (key == "stance") m.stance = one_column(v, key);
        else if (key == "time") m.time = one_column(v, key);
        else if (key == "text") m.text = one_column(v, key);
        else if (key == "source") m.source = one_column(v, key);
        else if (key == "header") {
            if (!v.is_boolean()) throw rule_error("stance csv mapping: \"header\" must be true or false");
            m.header = v.get<bool>();
        } else if (key == "delimiter") {
            if (!v.is_string() || v.get<std::string>().size() != 1)
                throw rule_error("stance csv mapping: \"delimiter\" must be one character");
            m.delimiter = v.get<std::string>()[0];
        } else if (key == "missing_values") {
            m.missing_values = columns(v, key);
        } else if (key == "stance_values") {
            if (!v.is_object())
                throw rule_error("stance csv mapping: \"stance_values\" must map spellings to "
                                 "asserts, denies or reports");
            for (const auto& [spelling, target] : v.items()) {
                const auto s = target.is_string() ? parse_stance(target.get<std::string>())
                                                  : std::nullopt;
                if (!s)
                    throw rule_error("stance csv mapping: stance_values \"" + spelling +
                                     "\" must be asserts, denies or reports");
                m.stance_values.emplace(spelling, *s);
            }
        } else {
            throw rule_error("stance csv mapping: unknown key \"" + key + "\"; valid keys: " +
                             detail::stance_csv_keys());
        }
    }
    return m;
}

/// Reads a mapping given on a command line: `key=column` pairs separated by commas, several
/// columns of one key joined with `+`, stance spellings as `stance_values=for:asserts+against:denies`
/// and `delimiter=tab`, e.g. `actor=source,proposition=claimId,stance=articleHeadlineStance`.
/// Throws rule_error on an unknown key or a malformed pair; parse_error (source `<mapping>`,
/// `line:column`) when the spec is not UTF-8.
[[nodiscard]] inline stance_csv_mapping parse_stance_csv_mapping(std::string_view spec) {
    if (const auto bad = detail::find_invalid_utf8(spec); bad != std::string_view::npos)
        throw parse_error(diagnostic{.severity = severity::error, .source = "<mapping>",
                                     .location = detail::line_column(spec, bad),
                                     .message = detail::ill_formed_utf8_message(spec, bad) +
                                                " (a mapping is UTF-8 text)"});
    nlohmann::json j = nlohmann::json::object();
    std::size_t pos = 0;
    while (pos <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', pos), spec.size());
        const std::string_view pair = spec.substr(pos, comma - pos);
        pos = comma + 1;
        if (pair.empty()) {
            if (comma >= spec.size()) break;
            continue;
        }
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0)
            throw rule_error("stance csv mapping: expected key=column, got \"" + std::string(pair) + "\"");
        const std::string key(pair.substr(0, eq));
        const std::string val(pair.substr(eq + 1));
        std::vector<std::string> parts{};
        std::size_t p = 0;
        while (p <= val.size()) {
            const std::size_t plus = std::min(val.find('+', p), val.size());
            parts.push_back(val.substr(p, plus - p));
            p = plus + 1;
        }
        if (key == "header") {
            if (val != "true" && val != "false")
                throw rule_error("stance csv mapping: header must be true or false");
            j[key] = val == "true";
        } else if (key == "delimiter") {
            j[key] = val == "tab" ? std::string("\t") : val;
        } else if (key == "stance_values") {
            nlohmann::json sv = nlohmann::json::object();
            for (const auto& part : parts) {
                const std::size_t colon = part.find(':');
                if (colon == std::string::npos)
                    throw rule_error("stance csv mapping: stance_values expects spelling:stance, got \"" +
                                     part + "\"");
                sv[part.substr(0, colon)] = part.substr(colon + 1);
            }
            j[key] = sv;
        } else if (parts.size() == 1) {
            j[key] = val;
        } else {
            j[key] = parts;
        }
        if (comma >= spec.size()) break;
    }
    return parse_stance_csv_mapping_json(j.dump());
}

/// Builds a case from a stance table.
///
/// Each data row becomes one statement whose claim is (proposition, value, stance); its actor
/// and proposition are created on first use (actor ids and proposition ids are the joined
/// fields). With a `value` column each proposition declares the values met, in order of first
/// appearance, and is exclusive; without one it is a yes/no proposition. A row is bad when it
/// has too few fields, an empty actor, proposition or value, an unknown stance spelling, an
/// invalid time or a duplicate statement id; every bad row gives one diagnostic located at its
/// line. Rows after an unterminated quote cannot be read: that is a parse_error in any mode.
///
/// Throws: rule_error when the mapping lacks `actor` or `proposition`; parse_error when the
/// text is not UTF-8 (`line:column` of the first ill-formed byte, in any mode), when a mapped
/// column is not in the header or is a position too large to exist (location `1`), when the
/// CSV is malformed, or (strict mode) when any row is bad. Complexity: O(size of the text +
/// rows · log rows).
[[nodiscard]] inline stance_csv_result import_stance_csv(std::string_view text,
                                                         const stance_csv_mapping& mapping,
                                                         const stance_csv_options& options = {}) {
    if (mapping.actor.empty() || mapping.proposition.empty())
        throw rule_error("stance csv mapping: \"actor\" and \"proposition\" columns are required");
    if (const auto bad = detail::find_invalid_utf8(text); bad != std::string_view::npos)
        throw parse_error(diagnostic{.severity = severity::error, .source = options.source_name,
                                     .location = detail::line_column(text, bad),
                                     .message = detail::ill_formed_utf8_message(text, bad) +
                                                " (a stance table is read as UTF-8)"});
    const auto rows = read_csv_rows(text, mapping.delimiter, options.source_name);
    std::size_t first = 0;
    std::unordered_map<std::string, std::size_t> header_index{};
    if (mapping.header && !rows.empty()) {
        for (std::size_t c = 0; c < rows[0].fields.size(); ++c)
            header_index.emplace(detail::csv_trim(rows[0].fields[c]), c);
        first = 1;
    }
    std::vector<diagnostic> bad_mapping{};
    std::size_t needed = 0;
    auto resolve = [&](const std::string& col) -> std::optional<std::size_t> {
        if (col.empty()) return std::nullopt;
        std::size_t idx = 0;
        if (col.size() > 1 && col[0] == '#' && col.find_first_not_of("0123456789", 1) == std::string::npos) {
            bool too_large = false;
            for (std::size_t i = 1; i < col.size(); ++i) {
                const auto digit = static_cast<std::size_t>(col[i] - '0');
                if (idx > (std::numeric_limits<std::size_t>::max() - digit) / 10) {
                    too_large = true;
                    break;
                }
                idx = idx * 10 + digit;
            }
            if (too_large) {
                bad_mapping.push_back({.severity = severity::error, .source = options.source_name,
                                       .location = "1",
                                       .message = "no column \"" + detail::printable(col, 40) +
                                                  "\": the position is too large"});
                return std::nullopt;
            }
            if (idx == 0) {
                bad_mapping.push_back({.severity = severity::error, .source = options.source_name,
                                       .location = "1", .message = "column \"#0\": positions start at #1"});
                return std::nullopt;
            }
            --idx;
        } else {
            const auto it = header_index.find(col);
            if (it == header_index.end()) {
                std::string names{};
                for (const auto& f : rows.empty() ? std::vector<std::string>{} : rows[0].fields)
                    names += (names.empty() ? "" : ", ") + detail::csv_trim(f);
                bad_mapping.push_back({.severity = severity::error, .source = options.source_name,
                                       .location = "1",
                                       .message = "no column \"" + col + "\"" +
                                                  (mapping.header ? "; columns: " + names
                                                                  : std::string("; without a header name columns #1, #2, ..."))});
                return std::nullopt;
            }
            idx = it->second;
        }
        needed = std::max(needed, idx + 1);
        return idx;
    };
    auto resolve_all = [&](const std::vector<std::string>& cols) {
        std::vector<std::size_t> out{};
        for (const auto& c : cols)
            if (const auto i = resolve(c)) out.push_back(*i);
        return out;
    };
    const auto actor_cols = resolve_all(mapping.actor);
    const auto prop_cols = resolve_all(mapping.proposition);
    const auto id_cols = resolve_all(mapping.statement_id);
    const auto prop_text_col = resolve(mapping.proposition_text);
    const auto value_col = resolve(mapping.value);
    const auto stance_col = resolve(mapping.stance);
    const auto time_col = resolve(mapping.time);
    const auto text_col = resolve(mapping.text);
    const auto source_col = resolve(mapping.source);
    if (!bad_mapping.empty()) throw parse_error(std::move(bad_mapping));

    auto is_missing = [&](const std::string& s) {
        for (const auto& m : mapping.missing_values)
            if (s == m) return true;
        return false;
    };
    auto joined = [](const csv_row& r, const std::vector<std::size_t>& cols) {
        std::string out{};
        for (const auto c : cols) {
            const std::string f = detail::csv_trim(r.fields[c]);
            if (f.empty()) continue;
            if (!out.empty()) out += '/';
            out += f;
        }
        return out;
    };
    auto optional_field = [&](const csv_row& r, std::optional<std::size_t> c) -> std::optional<std::string> {
        if (!c) return std::nullopt;
        std::string f = detail::csv_trim(r.fields[*c]);
        if (is_missing(f)) return std::nullopt;
        return f;
    };

    stance_csv_result result{};
    struct prop_info {
        std::optional<std::string> text{};
        std::vector<std::string> values{};
        std::unordered_map<std::string, bool> seen{};
    };
    std::vector<std::string> prop_order{};
    std::unordered_map<std::string, prop_info> props{};
    std::vector<std::string> actor_order{};
    std::unordered_map<std::string, bool> actor_seen{};
    std::unordered_map<std::string, std::size_t> id_seen{};
    std::vector<statement> statements{};

    for (std::size_t r = first; r < rows.size(); ++r) {
        const csv_row& row = rows[r];
        ++result.rows;
        auto bad = [&](const std::string& message) {
            result.diagnostics.push_back({.severity = severity::error, .source = options.source_name,
                                          .location = std::to_string(row.line), .message = message});
            ++result.skipped;
        };
        if (row.fields.size() < needed) {
            bad("expected at least " + std::to_string(needed) + " fields, got " +
                std::to_string(row.fields.size()));
            continue;
        }
        const std::string actor_id = joined(row, actor_cols);
        if (actor_id.empty()) { bad("empty actor"); continue; }
        const std::string prop_id = joined(row, prop_cols);
        if (prop_id.empty()) { bad("empty proposition"); continue; }
        std::optional<std::string> value{};
        if (value_col) {
            value = optional_field(row, value_col);
            if (!value) { bad("empty value"); continue; }
        }
        enum stance st = stance::asserts;
        if (stance_col) {
            const std::string s = detail::csv_trim(row.fields[*stance_col]);
            if (mapping.stance_values.empty()) {
                const auto p = parse_stance(s);
                if (!p) { bad("unknown stance \"" + s + "\"; valid: asserts, denies, reports"); continue; }
                st = *p;
            } else {
                const auto it = mapping.stance_values.find(s);
                if (it == mapping.stance_values.end()) {
                    std::string valid{};
                    for (const auto& [k, v] : mapping.stance_values) valid += (valid.empty() ? "" : ", ") + k;
                    bad("unknown stance \"" + s + "\"; valid: " + valid);
                    continue;
                }
                st = it->second;
            }
        }
        std::optional<time_point> when{};
        if (const auto t = optional_field(row, time_col)) {
            std::string reason{};
            when = time_point::try_parse(*t, reason);
            if (!when) { bad("invalid time \"" + *t + "\": " + reason); continue; }
        }
        std::string id = id_cols.empty() ? "row-" + std::to_string(row.line) : joined(row, id_cols);
        if (id.empty()) { bad("empty statement id"); continue; }
        if (const auto it = id_seen.find(id); it != id_seen.end()) {
            bad("duplicate statement id \"" + id + "\" (first on line " + std::to_string(it->second) + ")");
            continue;
        }
        id_seen.emplace(id, row.line);
        if (!actor_seen.contains(actor_id)) {
            actor_seen.emplace(actor_id, true);
            actor_order.push_back(actor_id);
        }
        auto [pit, inserted] = props.try_emplace(prop_id);
        if (inserted) {
            prop_order.push_back(prop_id);
            pit->second.text = optional_field(row, prop_text_col);
        }
        if (value && !pit->second.seen.contains(*value)) {
            pit->second.seen.emplace(*value, true);
            pit->second.values.push_back(*value);
        }
        statements.push_back(statement{
            .id = std::move(id), .actor = actor_id, .time = when, .text = optional_field(row, text_col),
            .source = optional_field(row, source_col), .base = std::nullopt,
            .claim = claim{.proposition = prop_id, .value = value,
                           .stance = stance_col ? std::optional<enum stance>(st) : std::nullopt,
                           .ext = extensions::object()},
            .ext = extensions::object(), .actor_index = no_actor});
    }
    if (options.strict && !result.diagnostics.empty()) throw parse_error(std::move(result.diagnostics));

    for (const auto& a : actor_order)
        result.model.add_actor(actor{.id = a, .name = std::nullopt, .kind = std::nullopt,
                                     .group = std::nullopt, .prior = std::nullopt,
                                     .ext = extensions::object()});
    for (const auto& p : prop_order) {
        auto& info = props[p];
        result.model.add_proposition(proposition{
            .id = p, .text = info.text,
            .values = value_col ? std::optional<std::vector<std::string>>(std::move(info.values))
                                : std::nullopt,
            .exclusive = std::nullopt, .ext = extensions::object()});
    }
    for (auto& s : statements) result.model.add_statement(std::move(s));
    return result;
}

/// Reads a stance table from a file (see import_stance_csv); diagnostics name the file.
/// Throws io_error when the file cannot be read, otherwise as import_stance_csv.
[[nodiscard]] inline stance_csv_result read_stance_csv_file(const std::filesystem::path& path,
                                                            const stance_csv_mapping& mapping,
                                                            bool strict = true) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path.string(), "cannot open file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw io_error(path.string(), "read failed");
    return import_stance_csv(buffer.str(), mapping,
                             stance_csv_options{.source_name = path.string(), .strict = strict});
}

}  // namespace narrative
