// SPDX-License-Identifier: MIT
#pragma once
// A case as CSV/TSV tables: statements, relations, actors, propositions and the case's own
// fields, one table each, columns named by the case-format keys (or mapped to other names).

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/stance_csv.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

/// The five tables of a case, in the order they are read.
enum class case_table { statements, relations, actors, propositions, info };

/// The table's name as used in file names (`NAME.relations.csv`) and mappings: `statements`,
/// `relations`, `actors`, `propositions`, `case`.
[[nodiscard]] constexpr std::string_view to_string(case_table t) noexcept {
    switch (t) {
        case case_table::statements: return "statements";
        case case_table::relations: return "relations";
        case case_table::actors: return "actors";
        case case_table::propositions: return "propositions";
        case case_table::info: return "case";
    }
    return "statements";
}

inline constexpr std::array<case_table, 5> all_case_tables = {case_table::statements, case_table::relations,
                                                              case_table::actors, case_table::propositions,
                                                              case_table::info};

/// Which column of each table holds which case-format key, when the header does not use the
/// key itself. A column whose header is a key of its table needs no entry.
struct case_csv_mapping {
    /// table → (key → column header), e.g. statements: {"id": "claim_id", "text": "Claim"}.
    std::map<case_table, std::map<std::string, std::string, std::less<>>> columns{};
    /// Column headers left out of every table (read as if absent).
    std::vector<std::string> ignore{};
    char delimiter = ',';  ///< `,` for CSV, `\t` for TSV, or any other one-byte separator
};

/// One table's text and the name diagnostics give it.
struct csv_table_text {
    std::string text{};
    std::string source{};
};

/// The tables of a case; only `statements` is required.
struct case_csv_input {
    csv_table_text statements{};
    std::optional<csv_table_text> relations{}, actors{}, propositions{}, info{};
};

/// A case written as tables: each member is one table's text (UTF-8 with a byte-order mark,
/// CRLF line ends, RFC 4180 quoting).
struct case_csv_output {
    std::string statements{}, relations{}, actors{}, propositions{}, info{};
};

namespace detail {

struct csv_key {
    std::string_view name;
    enum class kind { text, number, boolean, values } type = kind::text;
    bool required = false;
};

[[nodiscard]] inline const std::vector<csv_key>& csv_keys(case_table t) {
    using k = csv_key::kind;
    static const std::vector<csv_key> statements = {
        {"id", k::text, true},      {"actor", k::text, false},    {"time", k::text, false},
        {"text", k::text, false},   {"source", k::text, false},   {"base", k::number, false},
        {"evidence", k::text, false}, {"interest", k::text, false}, {"proposition", k::text, false},
        {"value", k::text, false},  {"stance", k::text, false}};
    static const std::vector<csv_key> relations = {{"from", k::text, true},     {"to", k::text, true},
                                                   {"type", k::text, true},     {"weight", k::number, false},
                                                   {"directed", k::boolean, false}, {"note", k::text, false}};
    static const std::vector<csv_key> actors = {{"id", k::text, true},    {"name", k::text, false},
                                                {"kind", k::text, false}, {"group", k::text, false},
                                                {"prior", k::number, false}};
    static const std::vector<csv_key> propositions = {{"id", k::text, true}, {"text", k::text, false},
                                                      {"values", k::values, false},
                                                      {"exclusive", k::boolean, false}};
    static const std::vector<csv_key> info = {{"key", k::text, true}, {"value", k::text, true}};
    switch (t) {
        case case_table::statements: return statements;
        case case_table::relations: return relations;
        case case_table::actors: return actors;
        case case_table::propositions: return propositions;
        case case_table::info: return info;
    }
    return statements;
}

[[nodiscard]] inline std::string csv_key_list(case_table t) {
    std::string out{};
    for (const auto& k : csv_keys(t)) out += (out.empty() ? "" : ", ") + std::string(k.name);
    return out;
}

// The claim keys of a statement row, which go into its `claim` object.
[[nodiscard]] inline bool is_claim_key(std::string_view key) noexcept {
    return key == "proposition" || key == "value" || key == "stance";
}

// Deepest nesting of brackets outside strings: a cell deeper than the case limit is not
// parsed (parsing and printing it would recurse as deep).
[[nodiscard]] inline std::size_t json_nesting(std::string_view s) noexcept {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

// An extension cell: its JSON value when the whole cell is JSON, else the cell as a string.
[[nodiscard]] inline ojson extension_cell(const std::string& cell, std::size_t max_depth) {
    if (json_nesting(cell) <= max_depth) {
        try {
            return ojson::parse(cell);
        } catch (const nlohmann::json::exception&) {
        }
    }
    return cell;
}

// A typed cell: a number or boolean when it reads as one, else the text (which the case
// validator then reports as having the wrong type).
[[nodiscard]] inline ojson typed_cell(const std::string& cell, csv_key::kind type) {
    using k = csv_key::kind;
    if (type == k::number) {
        if (!cell.empty() && (cell[0] == '-' || std::isdigit(static_cast<unsigned char>(cell[0])))) {
            try {
                if (auto j = ojson::parse(cell); j.is_number()) return j;
            } catch (const nlohmann::json::exception&) {
            }
        }
        return cell;
    }
    if (type == k::boolean) {
        std::string lower = cell;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (lower == "true") return true;
        if (lower == "false") return false;
        return cell;
    }
    if (type == k::values) {
        // A JSON array, or the values separated by `|`.
        if (!cell.empty() && cell[0] == '[' && json_nesting(cell) <= 2) {
            try {
                if (auto j = ojson::parse(cell); j.is_array()) return j;
            } catch (const nlohmann::json::exception&) {
            }
        }
        ojson out = ojson::array();
        std::size_t p = 0;
        while (p <= cell.size()) {
            const std::size_t bar = std::min(cell.find('|', p), cell.size());
            out.push_back(cell.substr(p, bar - p));
            p = bar + 1;
        }
        return out;
    }
    return cell;
}

// Where a JSON object built from a row came from.
struct csv_origin {
    std::size_t line = 0;
    std::map<std::string, std::string, std::less<>> header_of{};  // key path → column header
};

struct csv_table_origin {
    std::string source{};
    std::vector<csv_origin> rows{};
    std::map<std::string, std::size_t, std::less<>> info_line{};  // case key → line (case table)
};

// Reads one table into JSON objects (one per row); problems go to `out`.
inline std::vector<ojson> read_csv_table(case_table table, const csv_table_text& in, const case_csv_mapping& mapping,
                                         const read_options& options, std::vector<diagnostic>& out,
                                         csv_table_origin& origin) {
    origin.source = in.source;
    std::vector<ojson> objects{};
    auto error_at = [&](std::string location, std::string message) {
        out.push_back({.severity = severity::error, .source = in.source, .location = std::move(location),
                       .message = std::move(message)});
    };
    std::string_view text = in.text;
    std::size_t bom = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") bom = 3;  // spreadsheets write a byte-order mark
    if (const auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        error_at(line_column(text, bad), ill_formed_utf8_message(text, bad) + " (a table is read as UTF-8)");
        return objects;
    }
    std::vector<csv_row> rows{};
    try {
        rows = read_csv_rows(text.substr(bom), mapping.delimiter, in.source);
    } catch (const parse_error& e) {
        out.insert(out.end(), e.diagnostics().begin(), e.diagnostics().end());
        return objects;
    }
    if (rows.empty()) {
        error_at("1", "empty table: the first row must name the columns (" + csv_key_list(table) + ")");
        return objects;
    }
    const auto& keys = csv_keys(table);
    static const std::map<std::string, std::string, std::less<>> no_columns{};
    const auto mapped_it = mapping.columns.find(table);
    const auto& mapped = mapped_it == mapping.columns.end() ? no_columns : mapped_it->second;
    for (const auto& entry : mapped) {
        const std::string& key = entry.first;
        const bool known = std::any_of(keys.begin(), keys.end(), [&](const csv_key& k) { return k.name == key; }) ||
                           is_extension_key(key) || (table == case_table::statements && key.rfind("claim/x-", 0) == 0);
        if (!known)
            throw rule_error("table mapping: unknown " + std::string(to_string(table)) + " key \"" + key +
                             "\"; keys: " + csv_key_list(table) + ", x-...");
    }
    // Column → key.
    const auto& header = rows[0].fields;
    std::vector<std::string> key_of(header.size());
    std::vector<bool> used(header.size(), false);
    std::map<std::string, std::size_t, std::less<>> column_of_key{};
    std::string header_list{};
    for (const auto& h : header) header_list += (header_list.empty() ? "" : ", ") + printable(csv_trim(h), 60);
    const std::size_t problems_before = out.size();
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string name = csv_trim(header[c]);
        const std::string at = "1:" + std::to_string(c + 1);
        std::string key{};
        for (const auto& [k, col] : mapped)
            if (col == name) key = k;
        if (key.empty() && !mapped.contains(name) &&
            std::any_of(keys.begin(), keys.end(), [&](const csv_key& k) { return k.name == name; }))
            key = name;
        if (key.empty() && (is_extension_key(name) ||
                            (table == case_table::statements && name.rfind("claim/x-", 0) == 0 && name.size() > 8)))
            key = name;
        if (key.empty()) {
            if (std::find(mapping.ignore.begin(), mapping.ignore.end(), name) != mapping.ignore.end()) continue;
            error_at(at, "unknown column \"" + printable(name, 60) + "\" in the " + std::string(to_string(table)) +
                             " table; keys: " + csv_key_list(table) +
                             ", x-...; map it to a key (KEY=COLUMN) or leave it out (ignore=COLUMN)");
            continue;
        }
        if (const auto it = column_of_key.find(key); it != column_of_key.end()) {
            error_at(at, "column \"" + printable(name, 60) + "\" gives \"" + key + "\" again (first in column " +
                             std::to_string(it->second + 1) + ")");
            continue;
        }
        column_of_key.emplace(key, c);
        key_of[c] = key;
        used[c] = true;
    }
    for (const auto& [key, column] : mapped)
        if (!column_of_key.contains(key))
            error_at("1", "no column \"" + printable(column, 60) + "\" (mapped to \"" + key + "\"); columns: " +
                              header_list);
    for (const auto& k : keys)
        if (k.required && !column_of_key.contains(k.name) && !mapped.contains(k.name))
            error_at("1", "missing column \"" + std::string(k.name) + "\" in the " + std::string(to_string(table)) +
                              " table; columns: " + header_list);
    if (out.size() > problems_before) return objects;

    for (std::size_t r = 1; r < rows.size(); ++r) {
        const csv_row& row = rows[r];
        if (row.fields.size() != header.size()) {
            error_at(std::to_string(row.line), "expected " + std::to_string(header.size()) + " fields, got " +
                                                   std::to_string(row.fields.size()));
            continue;
        }
        ojson obj = ojson::object();
        csv_origin where{.line = row.line, .header_of = {}};
        if (table == case_table::info) {
            const std::string key = row.fields[column_of_key.at("key")];
            const std::string& cell = row.fields[column_of_key.at("value")];
            if (const auto it = origin.info_line.find(key); it != origin.info_line.end()) {
                error_at(std::to_string(row.line), "key \"" + printable(key, 60) + "\" again (first on line " +
                                                       std::to_string(it->second) + ")");
                continue;
            }
            obj[key] = is_extension_key(key) ? extension_cell(cell, options.max_depth) : ojson(cell);
            origin.info_line.emplace(key, row.line);
            origin.rows.push_back(std::move(where));
            objects.push_back(std::move(obj));
            continue;
        }
        ojson claim = ojson::object();
        std::string first_claim_column{};
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (!used[c] || row.fields[c].empty()) continue;  // an empty cell is an absent key
            const std::string& key = key_of[c];
            const std::string& cell = row.fields[c];
            const std::string column = csv_trim(header[c]);
            if (table == case_table::statements && (is_claim_key(key) || key.rfind("claim/x-", 0) == 0)) {
                const std::string sub = key.rfind("claim/", 0) == 0 ? key.substr(6) : key;
                claim[sub] = is_extension_key(sub) ? extension_cell(cell, options.max_depth) : ojson(cell);
                if (first_claim_column.empty()) first_claim_column = column;
                where.header_of.emplace("claim/" + sub, column);
                continue;
            }
            if (is_extension_key(key)) {
                obj[key] = extension_cell(cell, options.max_depth);
            } else {
                const auto k = std::find_if(keys.begin(), keys.end(), [&](const csv_key& x) { return x.name == key; });
                obj[key] = typed_cell(cell, k->type);
            }
            where.header_of.emplace(key, column);
        }
        if (!claim.empty()) {
            // Problems of the claim as a whole are shown at its proposition column, else at its
            // first filled claim column.
            std::string column = first_claim_column;
            if (const auto it = column_of_key.find("proposition"); it != column_of_key.end())
                column = csv_trim(header[it->second]);
            where.header_of.emplace("claim", column);
            obj["claim"] = std::move(claim);
        }
        origin.rows.push_back(std::move(where));
        objects.push_back(std::move(obj));
    }
    return objects;
}

// The table, row and key path a JSON Pointer of the assembled case names.
struct csv_place {
    const csv_table_origin* table = nullptr;
    const csv_origin* row = nullptr;
    std::string key{};
};

[[nodiscard]] inline std::optional<csv_place> csv_place_of(std::string_view pointer,
                                                           const std::array<csv_table_origin, 5>& origins) {
    for (const case_table t : {case_table::statements, case_table::relations, case_table::actors,
                               case_table::propositions}) {
        const std::string prefix = "/" + std::string(to_string(t)) + "/";
        if (pointer.rfind(prefix, 0) != 0) continue;
        const auto& origin = origins[static_cast<std::size_t>(t)];
        std::size_t i = prefix.size(), index = 0;
        if (i >= pointer.size() || !std::isdigit(static_cast<unsigned char>(pointer[i]))) return std::nullopt;
        while (i < pointer.size() && std::isdigit(static_cast<unsigned char>(pointer[i])) && index < origin.rows.size())
            index = index * 10 + static_cast<std::size_t>(pointer[i++] - '0');
        if (index >= origin.rows.size()) return std::nullopt;
        std::string key = i < pointer.size() ? std::string(pointer.substr(i + 1)) : std::string();
        // `/propositions/0/values/2` is the values cell; `/statements/0/claim` the claim columns.
        const auto& row = origin.rows[index];
        while (!key.empty() && !row.header_of.contains(key)) {
            const auto slash = key.rfind('/');
            key = slash == std::string::npos ? std::string() : key.substr(0, slash);
        }
        return csv_place{.table = &origin, .row = &row, .key = key};
    }
    if (pointer.size() > 1) {
        const auto& info = origins[static_cast<std::size_t>(case_table::info)];
        const auto slash = pointer.find('/', 1);
        const std::string key(pointer.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1));
        if (const auto it = info.info_line.find(key); it != info.info_line.end())
            for (const auto& row : info.rows)
                if (row.line == it->second) return csv_place{.table = &info, .row = &row, .key = {}};
    }
    return std::nullopt;
}

// A diagnostic of the assembled case, moved to the table line (and column) it came from;
// pointers quoted in the message (`first at /statements/0/id`) become lines too.
[[nodiscard]] inline diagnostic csv_located(diagnostic d, const std::array<csv_table_origin, 5>& origins) {
    std::string message{};
    std::size_t i = 0;
    const std::string& m = d.message;
    while (i < m.size()) {
        const std::size_t at = m.find(" /", i);
        if (at == std::string::npos) {
            message += m.substr(i);
            break;
        }
        std::size_t end = at + 1;
        while (end < m.size() && m[end] != ')' && m[end] != ' ' && m[end] != ',' && m[end] != ';') ++end;
        const std::string pointer = m.substr(at + 1, end - at - 1);
        message += m.substr(i, at + 1 - i);
        if (const auto place = csv_place_of(pointer, origins))
            message += "line " + std::to_string(place->row->line) +
                       (place->table->source == d.source ? std::string() : " of " + place->table->source);
        else
            message += pointer;
        i = end;
    }
    d.message = std::move(message);
    if (const auto place = csv_place_of(d.location, origins)) {
        d.source = place->table->source;
        d.location = std::to_string(place->row->line);
        if (!place->key.empty())
            if (const auto it = place->row->header_of.find(place->key); it != place->row->header_of.end())
                d.message = "column \"" + printable(it->second, 60) + "\": " + d.message;
    } else if (d.location.empty() || d.location[0] == '/') {
        d.source = origins[0].source;
    }
    return d;
}

[[nodiscard]] inline std::string csv_field(std::string_view s, char delimiter) {
    if (s.find_first_of(std::string{delimiter, '"', '\r', '\n'}) == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

inline void csv_line(std::string& out, const std::vector<std::string>& fields, char delimiter) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += delimiter;
        out += csv_field(fields[i], delimiter);
    }
    out += "\r\n";
}

// The extension keys met in `objects` (under `member` when not empty), in order of first use.
[[nodiscard]] inline std::vector<std::string> extension_columns(const ojson& objects, const std::string& member = {}) {
    std::vector<std::string> keys{};
    for (const auto& o : objects) {
        const ojson* from = &o;
        if (!member.empty()) {
            if (!o.contains(member)) continue;
            from = &o.at(member);
        }
        for (const auto& [k, v] : from->items())
            if (is_extension_key(k) && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
    }
    return keys;
}

[[nodiscard]] inline std::string cell_of(const ojson& v, csv_key::kind type) {
    if (v.is_string()) return v.get<std::string>();
    if (type == csv_key::kind::values && v.is_array()) {
        bool plain = !v.empty();
        for (const auto& x : v) {
            const auto& s = x.get_ref<const std::string&>();
            plain = plain && s.find('|') == std::string::npos;
        }
        if (plain && v.at(0).get_ref<const std::string&>().rfind('[', 0) != 0) {
            std::string out{};
            for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "|" : "") + v.at(i).get<std::string>();
            return out;
        }
    }
    return v.dump();
}

// An extension value as a cell: a string that does not read as JSON as it is (most text),
// else the JSON text, so that extension_cell reads back the same value.
[[nodiscard]] inline std::string extension_text(const ojson& v) {
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (!s.empty() && !ojson::accept(s)) return s;
    }
    return v.dump();
}

}  // namespace detail

/// Builds a case from its tables and checks it as a case file is checked (every key's rules,
/// dangling ids with the closest existing one, duplicates, warnings). Never throws parse_error:
/// every problem becomes a diagnostic located at its table's line (`table.csv:4`), the message
/// naming the column (`column "base": must be a number in [0, 1], got 1.5`); a header problem
/// (unknown column, missing required column, a mapped column absent) at `1:column`; ill-formed
/// UTF-8 and unterminated quotes at `line:column`. Throws rule_error when the mapping names a
/// key a table does not have. Complexity: linear in the size of the tables.
///
/// Columns are the keys of docs/formats.md "CSV and TSV tables": an empty cell is an absent key;
/// `base`, `weight`, `prior` are numbers, `directed`, `exclusive` `true`/`false` (any case);
/// `values` a JSON array or values separated by `|`; `x-…` columns (and `claim/x-…` in the
/// statements table) hold JSON, or text when the cell is not JSON.
[[nodiscard]] inline check_result check_case_tables(const case_csv_input& input, const case_csv_mapping& mapping = {},
                                                    const read_options& options = {}) {
    check_result result{};
    std::array<detail::csv_table_origin, 5> origins{};
    detail::ojson doc = detail::ojson::object();
    doc["format"] = case_format_v1;
    const std::array<const csv_table_text*, 5> tables = {
        &input.statements, input.relations ? &*input.relations : nullptr, input.actors ? &*input.actors : nullptr,
        input.propositions ? &*input.propositions : nullptr, input.info ? &*input.info : nullptr};
    std::array<std::vector<detail::ojson>, 5> rows{};
    for (const case_table t : all_case_tables) {
        const auto i = static_cast<std::size_t>(t);
        if (tables[i]) rows[i] = detail::read_csv_table(t, *tables[i], mapping, options, result.diagnostics, origins[i]);
    }
    if (result.error_count() > 0) return result;
    for (auto& o : rows[static_cast<std::size_t>(case_table::info)])
        for (auto& [k, v] : o.items()) doc[k] = v;
    for (const case_table t : {case_table::actors, case_table::propositions, case_table::statements,
                               case_table::relations}) {
        const auto i = static_cast<std::size_t>(t);
        detail::ojson list = detail::ojson::array();
        for (auto& o : rows[i]) list.push_back(std::move(o));
        doc[std::string(to_string(t))] = std::move(list);
    }
    // Actors named by statements but without a row of their own (or without an actors table).
    auto& actors = doc["actors"];
    std::vector<std::string> known{};
    for (const auto& a : actors)
        if (a.contains("id") && a["id"].is_string()) known.push_back(a["id"].get<std::string>());
    if (!input.actors)
        for (const auto& s : doc["statements"])
            if (s.contains("actor") && s["actor"].is_string()) {
                const auto& id = s["actor"].get_ref<const std::string&>();
                if (std::find(known.begin(), known.end(), id) == known.end()) {
                    known.push_back(id);
                    actors.push_back(detail::ojson{{"id", id}});
                }
            }
    std::string text{};
    try {
        text = doc.dump();
    } catch (const nlohmann::json::exception& e) {
        result.diagnostics.push_back({.severity = severity::error, .source = input.statements.source,
                                      .location = {}, .message = std::string("cannot assemble the case: ") + e.what()});
        return result;
    }
    auto checked = check_case(text, input.statements.source, options);
    for (auto& d : checked.diagnostics) result.diagnostics.push_back(detail::csv_located(std::move(d), origins));
    result.model = std::move(checked.model);
    return result;
}

/// check_case_tables that throws parse_error with every diagnostic when the tables are invalid.
[[nodiscard]] inline case_model read_case_tables(const case_csv_input& input, const case_csv_mapping& mapping = {},
                                                 const read_options& options = {}) {
    auto result = check_case_tables(input, mapping, options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

/// Writes a case as tables with the case-format keys as headers: every standard column always
/// (empty cells for absent keys), then one column per `x-` key in order of first use (cells
/// hold plain text for a string that is not itself JSON text, else JSON). The case table has `key,value` rows for `title`, `description` and the case's
/// `x-` keys. Inferred relations are not written. Reading the tables back gives the same case,
/// except that an empty string is read as an absent key.
[[nodiscard]] inline case_csv_output write_case_tables(const case_model& c, char delimiter = ',') {
    const auto doc = to_json(c);
    case_csv_output out{};
    const std::string bom = "\xEF\xBB\xBF";
    auto table = [&](case_table t, const detail::ojson& objects, std::string& text) {
        const auto& keys = detail::csv_keys(t);
        const auto ext = detail::extension_columns(objects);
        const auto claim_ext = t == case_table::statements ? detail::extension_columns(objects, "claim")
                                                           : std::vector<std::string>{};
        std::vector<std::string> header{};
        for (const auto& k : keys) header.emplace_back(k.name);
        header.insert(header.end(), ext.begin(), ext.end());
        for (const auto& k : claim_ext) header.push_back("claim/" + k);
        text = bom;
        detail::csv_line(text, header, delimiter);
        for (const auto& o : objects) {
            std::vector<std::string> row{};
            const detail::ojson* claim = o.contains("claim") ? &o.at("claim") : nullptr;
            for (const auto& k : keys) {
                const std::string name(k.name);
                const detail::ojson* from = t == case_table::statements && detail::is_claim_key(name) ? claim : &o;
                row.push_back(from && from->contains(name) ? detail::cell_of(from->at(name), k.type) : std::string());
            }
            for (const auto& k : ext) row.push_back(o.contains(k) ? detail::extension_text(o.at(k)) : std::string());
            for (const auto& k : claim_ext)
                row.push_back(claim && claim->contains(k) ? detail::extension_text(claim->at(k)) : std::string());
            detail::csv_line(text, row, delimiter);
        }
    };
    table(case_table::statements, doc.at("statements"), out.statements);
    table(case_table::relations, doc.at("relations"), out.relations);
    table(case_table::actors, doc.at("actors"), out.actors);
    table(case_table::propositions, doc.at("propositions"), out.propositions);
    out.info = bom;
    detail::csv_line(out.info, {"key", "value"}, delimiter);
    for (const auto& [k, v] : doc.items()) {
        if (k == "format" || k == "actors" || k == "propositions" || k == "statements" || k == "relations") continue;
        detail::csv_line(out.info, {k, is_extension_key(k) ? detail::extension_text(v) : v.get<std::string>()}, delimiter);
    }
    return out;
}

/// The file of another table beside a statements table: `dir/NAME.csv` → `dir/NAME.relations.csv`
/// (the extension kept, `.tsv` too). The statements table is the path itself.
[[nodiscard]] inline std::string case_table_path(const std::string& statements_path, case_table t) {
    if (t == case_table::statements) return statements_path;
    const auto slash = statements_path.find_last_of('/');
    const auto dot = statements_path.rfind('.');
    const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
    const std::string stem = has_ext ? statements_path.substr(0, dot) : statements_path;
    const std::string ext = has_ext ? statements_path.substr(dot) : std::string(".csv");
    return stem + "." + std::string(to_string(t)) + ext;
}

/// Parses a column mapping given on a command line for one table: `key=column` pairs separated
/// by commas (`id=claim_id,text=Claim`). Throws rule_error on a malformed pair.
[[nodiscard]] inline std::map<std::string, std::string, std::less<>> parse_table_columns(std::string_view spec) {
    std::map<std::string, std::string, std::less<>> out{};
    std::size_t pos = 0;
    while (pos < spec.size()) {
        const std::size_t comma = std::min(spec.find(',', pos), spec.size());
        const std::string_view pair = spec.substr(pos, comma - pos);
        pos = comma + 1;
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size())
            throw rule_error("table mapping: expected key=column, got \"" + detail::printable(pair, 60) + "\"");
        out.insert_or_assign(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    }
    return out;
}

/// Reads a table mapping from JSON: `{"statements": {"id": "claim_id"}, "relations": {"from":
/// "src"}, "actors": {...}, "propositions": {...}, "case": {...}, "ignore": ["Notes"],
/// "delimiter": ";"}`. Throws rule_error naming the key on an unknown key or a wrong type;
/// parse_error (source `<mapping>`, `line:column`) on malformed JSON.
[[nodiscard]] inline case_csv_mapping parse_table_mapping_json(std::string_view json_text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {
        throw parse_error(detail::mapping_syntax_error(json_text, e));
    }
    if (!j.is_object()) throw rule_error("table mapping: must be a JSON object");
    case_csv_mapping m{};
    for (const auto& item : j.items()) {
        const std::string key = item.key();
        const auto& v = item.value();
        if (key == "delimiter") {
            if (!v.is_string() || v.get<std::string>().size() != 1)
                throw rule_error("table mapping: \"delimiter\" must be one character");
            m.delimiter = v.get<std::string>()[0];
            continue;
        }
        if (key == "ignore") {
            if (!v.is_array()) throw rule_error("table mapping: \"ignore\" must list column names");
            for (const auto& x : v) {
                if (!x.is_string()) throw rule_error("table mapping: \"ignore\" must list column names");
                m.ignore.push_back(x.get<std::string>());
            }
            continue;
        }
        const auto t = std::find_if(all_case_tables.begin(), all_case_tables.end(),
                                    [&](case_table x) { return to_string(x) == key; });
        if (t == all_case_tables.end())
            throw rule_error("table mapping: unknown key \"" + key +
                             "\"; keys: statements, relations, actors, propositions, case, ignore, delimiter");
        if (!v.is_object()) throw rule_error("table mapping: \"" + key + "\" must map keys to column names");
        for (const auto& [k, col] : v.items()) {
            if (!col.is_string())
                throw rule_error("table mapping: \"" + key + "/" + k + "\" must be a column name");
            m.columns[*t].insert_or_assign(k, col.get<std::string>());
        }
    }
    return m;
}

}  // namespace narrative
