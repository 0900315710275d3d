// SPDX-License-Identifier: MIT
#pragma once
// The ICCMA formats of abstract argumentation (attacks only): ASPARTIX `apx`, trivial graph
// format `tgf` and the ICCMA 2023 numeric format `i23`. Reading gives a case whose statements
// are the arguments and whose relations are directed contradictions (attacks); writing projects
// a case to its attack graph.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace narrative {

/// The three ICCMA formats.
/// - `apx` (ASPARTIX): facts `arg(a).` and `att(a,b).`, any number per line, `%` comments;
///   a name is a run of characters other than white space, `(`, `)`, `,` and `%` (a final `.`
///   before `)` belongs to the name), or a double-quoted string with `\"` and `\\` escapes.
/// - `tgf`: one argument per line (its name, then optionally a label, kept as the statement's
///   text), a line `#`, then one attack `a b` per line.
/// - `i23` (ICCMA 2023): a header `p af N`, arguments 1…N, one attack `i j` per line, `#`
///   comments. A comment `# i=name` names argument i (the writer records statement ids so).
enum class iccma_format { apx, tgf, i23 };

[[nodiscard]] constexpr std::string_view to_string(iccma_format f) noexcept {
    return f == iccma_format::apx ? "apx" : f == iccma_format::tgf ? "tgf" : "i23";
}

/// The format named `apx`, `tgf` or `i23`; nullopt for any other name.
[[nodiscard]] constexpr std::optional<iccma_format> parse_iccma_format(std::string_view name) noexcept {
    if (name == "apx") return iccma_format::apx;
    if (name == "tgf") return iccma_format::tgf;
    if (name == "i23") return iccma_format::i23;
    return std::nullopt;
}

/// Limits that keep hostile or accidental input from exhausting memory.
struct iccma_read_options {
    std::size_t max_arguments = std::size_t{1} << 20;  ///< arguments, also the largest N of `p af N`
    std::size_t max_attacks = std::size_t{1} << 24;    ///< attacks
    std::size_t max_name_bytes = 4096;                 ///< longest argument name
    std::size_t max_label_bytes = std::size_t{1} << 20;  ///< longest `tgf` label (statement text)
    std::size_t max_errors = 1000;                     ///< errors reported before giving up
};

/// Checks an ICCMA file and builds the case when it is valid: one anonymous statement per
/// argument (id: its name; for `i23` its number, or the name given by a `# i=name` comment),
/// in file order, and one relation `{"type": "contradicts", "directed": true}` per attack, in
/// file order. A pair of opposite attacks stays two directed relations (the file says two
/// attacks). Errors, located by `line:column` (the column counts bytes): syntax errors,
/// ill-formed UTF-8, a duplicate argument, an attack on an undeclared argument, a number
/// outside 1…N, a size over a limit. A repeated attack is a warning and is kept once.
/// Never throws parse_error.
[[nodiscard]] check_result check_iccma(std::string_view text, iccma_format format,
                                       const std::string& source = "<string>",
                                       const iccma_read_options& options = {});

/// Like check_iccma, but returns the case or throws parse_error with every error found.
[[nodiscard]] inline case_model read_iccma(std::string_view text, iccma_format format,
                                           const std::string& source = "<string>",
                                           const iccma_read_options& options = {}) {
    auto result = check_iccma(text, format, source, options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

/// One attack of the attack graph, by statement ids.
struct attack_by_id {
    std::string from{};
    std::string to{};
    auto operator<=>(const attack_by_id&) const = default;
};

/// The attack graph of a case, the crisp reading that the extensions use: a directed
/// `contradicts` is one attack, a mutual one two, `supports` none. Each attack once, sorted.
/// Inferred relations count like asserted ones.
[[nodiscard]] std::vector<attack_by_id> attacks_by_id(const case_model& c);

/// An ICCMA text and what the projection left out.
struct iccma_text {
    std::string text{};
    /// Warnings located by JSON Pointer into the case document: dropped supports (one
    /// diagnostic, at the first, with the count) and fields ICCMA has no place for.
    std::vector<diagnostic> dropped{};
};

/// What of the case the format cannot write at all: `tgf` names are single words (no white
/// space, not `#`); `apx` and `i23` write every id. Located by JSON Pointer.
[[nodiscard]] std::vector<diagnostic> iccma_problems(const case_model& c, iccma_format format,
                                                     const std::string& source = "");

/// The attack graph of `c` (see attacks_by_id) in `format`: arguments in statement order, attacks
/// sorted. `i23` numbers the statements 1…N in order and names each in a `# i=id` comment (ids
/// holding a line break are left unnamed, with a warning). Reading the text back gives the same
/// attacks_by_id. Throws model_error naming the first of iccma_problems when there is one.
[[nodiscard]] iccma_text write_iccma(const case_model& c, iccma_format format, const std::string& source = "");

// =====================================================================================

namespace detail {

/// The ICCMA reader: one pass over the lines, arguments and attacks collected by name.
class iccma_reader {
public:
    iccma_reader(std::string_view text, iccma_format format, std::string source, const iccma_read_options& options,
                 std::vector<diagnostic>& out)
        : text_(text), format_(format), source_(std::move(source)), options_(options), out_(out) {}

    std::optional<case_model> run() {
        if (const auto bad = find_invalid_utf8(text_); bad != std::string_view::npos) {
            error(bad, ill_formed_utf8_message(text_, bad));
            return std::nullopt;
        }
        switch (format_) {
            case iccma_format::apx: read_apx(); break;
            case iccma_format::tgf: read_tgf(); break;
            case iccma_format::i23: read_i23(); break;
        }
        report_repeated_attacks();
        if (errors_ > 0) return std::nullopt;
        return build();
    }

private:
    struct pending_attack {
        std::size_t from = 0, to = 0;  // argument numbers
    };
    struct argument {
        std::string name{};
        std::optional<std::string> label{};
    };
    struct stop_reading {};  // too many errors

    // ------------------------------------------------------------------ diagnostics
    void error(std::size_t at, std::string message) {
        out_.push_back({.severity = severity::error, .source = source_, .location = line_column(at),
                        .message = std::move(message)});
        if (++errors_ >= options_.max_errors) {
            out_.push_back({.severity = severity::error, .source = source_, .location = {},
                            .message = "too many errors (" + std::to_string(errors_) + "), reading stopped"});
            throw stop_reading{};
        }
    }
    void warning(std::size_t at, std::string message) {
        out_.push_back({.severity = severity::warning, .source = source_, .location = line_column(at),
                        .message = std::move(message)});
    }
    // Line and column of a byte offset; offsets only grow, so the scan resumes.
    // Line and column of a byte offset, by binary search in the line starts (found once).
    std::string line_column(std::size_t at) {
        if (line_starts_.empty()) {
            line_starts_.push_back(0);
            for (std::size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') line_starts_.push_back(i + 1);
        }
        const auto line = static_cast<std::size_t>(
            std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - line_starts_.begin());
        return std::to_string(line) + ":" + std::to_string(at - line_starts_[line - 1] + 1);
    }
    std::string quoted(std::string_view name) const { return "\"" + printable(name, 60) + "\""; }

    // ------------------------------------------------------------------ arguments and attacks
    bool declare(std::string name, std::size_t at, std::optional<std::string> label = std::nullopt) {
        if (name.empty()) return error(at, "empty argument name"), false;
        if (name.size() > options_.max_name_bytes)
            return error(at, "argument name longer than " + std::to_string(options_.max_name_bytes) + " bytes"), false;
        if (arguments_.size() >= options_.max_arguments)
            return error(at, "more than " + std::to_string(options_.max_arguments) + " arguments"), false;
        const auto [it, added] = index_.emplace(name, arguments_.size());
        if (!added) {
            error(at, "duplicate argument " + quoted(name) + " (first declared at " + declared_at_[it->second] + ")");
            return false;
        }
        declared_at_.push_back(line_column(at));
        arguments_.push_back({.name = std::move(name), .label = std::move(label)});
        return true;
    }
    // An attack by names; undeclared names are looked up once all arguments are known (apx
    // allows an attack before the argument's fact).
    void attack_by_name(std::string from, std::size_t from_at, std::string to, std::size_t to_at) {
        named_attacks_.push_back({std::move(from), from_at, std::move(to), to_at});
    }
    void add_attack(std::size_t from, std::size_t to, std::size_t at) {
        if (attacks_.size() >= options_.max_attacks) {
            error(at, "more than " + std::to_string(options_.max_attacks) + " attacks");
            return;
        }
        if (!seen_.insert({from, to}).second) {
            // Reported one by one up to max_errors, then counted.
            if (++repeated_attacks_ <= options_.max_errors)
                warning(at, "repeated attack " + quoted(arguments_[from].name) + " -> " + quoted(arguments_[to].name) +
                                " (kept once)");
            return;
        }
        attacks_.push_back({.from = from, .to = to});
    }
    void resolve_named_attacks() {
        for (const auto& a : named_attacks_) {
            const auto from = index_.find(a.from), to = index_.find(a.to);
            if (from == index_.end()) error(a.from_at, "attack from undeclared argument " + quoted(a.from));
            if (to == index_.end()) error(a.to_at, "attack on undeclared argument " + quoted(a.to));
            if (from != index_.end() && to != index_.end()) add_attack(from->second, to->second, a.from_at);
        }
    }

    void report_repeated_attacks() {
        if (repeated_attacks_ > options_.max_errors)
            out_.push_back({.severity = severity::warning, .source = source_, .location = {},
                            .message = std::to_string(repeated_attacks_ - options_.max_errors) +
                                       " more repeated attacks (kept once)"});
    }

    std::optional<case_model> build() {
        case_model c;
        for (auto& a : arguments_) c.add_statement({.id = std::move(a.name), .text = std::move(a.label)});
        for (const auto& a : attacks_)
            c.relate(a.from, a.to, {.type = relation_type::contradicts, .directed = true});
        return c;
    }

    // ------------------------------------------------------------------ lexing helpers
    static bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v'; }
    void skip_spaces(std::size_t& pos, std::size_t end) const {
        while (pos < end && is_space(text_[pos])) ++pos;
    }
    std::size_t line_end(std::size_t pos) const {
        const auto nl = text_.find('\n', pos);
        return nl == std::string_view::npos ? text_.size() : nl;
    }
    // The end of a line without its carriage return and trailing blanks.
    std::size_t trimmed_end(std::size_t begin, std::size_t end) const {
        while (end > begin && is_space(text_[end - 1])) --end;
        return end;
    }
    // A white-space delimited word starting at pos.
    std::string_view word(std::size_t& pos, std::size_t end) const {
        const std::size_t begin = pos;
        while (pos < end && !is_space(text_[pos])) ++pos;
        return text_.substr(begin, pos - begin);
    }

    // ------------------------------------------------------------------ tgf
    void read_tgf() {
        try {
            bool in_attacks = false;
            for (std::size_t pos = 0; pos < text_.size();) {
                const std::size_t end = line_end(pos);
                std::size_t at = pos;
                skip_spaces(at, end);
                const std::size_t stop = trimmed_end(at, end);
                if (at < stop) {
                    if (text_.substr(at, stop - at) == "#") {
                        if (in_attacks) error(at, "a second \"#\" line (the attacks have begun)");
                        in_attacks = true;
                    } else if (!in_attacks) {
                        std::size_t p = at;
                        std::string name(word(p, stop));
                        skip_spaces(p, stop);
                        std::optional<std::string> label;
                        if (p < stop) {
                            if (stop - p > options_.max_label_bytes)
                                error(p, "label longer than " + std::to_string(options_.max_label_bytes) + " bytes");
                            else
                                label = std::string(text_.substr(p, stop - p));
                        }
                        declare(std::move(name), at, std::move(label));
                    } else {
                        std::size_t p = at;
                        const std::size_t from_at = p;
                        std::string from(word(p, stop));
                        skip_spaces(p, stop);
                        const std::size_t to_at = p;
                        std::string to(word(p, stop));
                        skip_spaces(p, stop);
                        if (to.empty())
                            error(to_at, "expected two argument names \"a b\" on an attack line");
                        else if (p < stop)
                            error(p, "unexpected text after the attack \"a b\"");
                        else
                            attack_by_name(std::move(from), from_at, std::move(to), to_at);
                    }
                }
                pos = end + 1;
            }
            resolve_named_attacks();
        } catch (const stop_reading&) {
        }
    }

    // ------------------------------------------------------------------ apx
    // A name at pos: quoted, or a run of name characters. Empty on a syntax error (reported).
    std::optional<std::string> read_apx_name(std::size_t& pos, std::size_t end) {
        skip_spaces(pos, end);
        if (pos < end && text_[pos] == '"') {
            const std::size_t open = pos++;
            std::string name;
            while (pos < end && text_[pos] != '"') {
                if (text_[pos] == '\\' && pos + 1 < end && (text_[pos + 1] == '"' || text_[pos + 1] == '\\')) ++pos;
                name += text_[pos++];
            }
            if (pos >= end) return error(open, "unterminated quoted name"), std::nullopt;
            ++pos;
            return name;
        }
        const std::size_t begin = pos;
        while (pos < end && !is_space(text_[pos]) && text_[pos] != '(' && text_[pos] != ')' && text_[pos] != ',' &&
               text_[pos] != '%' && text_[pos] != '"')
            ++pos;
        if (pos == begin) {
            error(begin, begin < end ? "expected an argument name, found \"" + printable(text_.substr(begin, 1)) + "\""
                                     : "expected an argument name, found the end of the line");
            return std::nullopt;
        }
        return std::string(text_.substr(begin, pos - begin));
    }
    bool apx_expect(std::size_t& pos, std::size_t end, char wanted) {
        skip_spaces(pos, end);
        if (pos < end && text_[pos] == wanted) return ++pos, true;
        error(pos, std::string("expected \"") + wanted + "\", found " +
                       (pos < end ? "\"" + printable(text_.substr(pos, 1)) + "\"" : std::string("the end of the line")));
        return false;
    }
    void read_apx() {
        try {
            for (std::size_t pos = 0; pos < text_.size();) {
                std::size_t end = line_end(pos);
                // A fact per iteration; a syntax error skips the rest of the line.
                for (std::size_t p = pos;;) {
                    skip_spaces(p, end);
                    if (p >= end || text_[p] == '%') break;
                    const std::size_t fact_at = p;
                    std::size_t q = p;
                    while (q < end && text_[q] >= 'a' && text_[q] <= 'z') ++q;
                    const std::string_view keyword = text_.substr(p, q - p);
                    if (keyword != "arg" && keyword != "att") {
                        error(fact_at, "expected \"arg(…).\" or \"att(…, …).\", found \"" +
                                           printable(text_.substr(p, std::min<std::size_t>(end - p, 20))) + "\"");
                        break;
                    }
                    p = q;
                    if (!apx_expect(p, end, '(')) break;
                    const std::size_t first_at = (skip_spaces(p, end), p);
                    auto first = read_apx_name(p, end);
                    if (!first) break;
                    if (keyword == "arg") {
                        if (!apx_expect(p, end, ')') || !apx_expect(p, end, '.')) break;
                        declare(std::move(*first), first_at);
                    } else {
                        if (!apx_expect(p, end, ',')) break;
                        const std::size_t second_at = (skip_spaces(p, end), p);
                        auto second = read_apx_name(p, end);
                        if (!second || !apx_expect(p, end, ')') || !apx_expect(p, end, '.')) break;
                        attack_by_name(std::move(*first), first_at, std::move(*second), second_at);
                    }
                }
                pos = end + 1;
            }
            resolve_named_attacks();
        } catch (const stop_reading&) {
        }
    }

    // ------------------------------------------------------------------ i23
    // A decimal number at pos (digits only); nullopt with an error otherwise.
    std::optional<std::size_t> number(std::size_t& pos, std::size_t end, const char* what) {
        skip_spaces(pos, end);
        const std::size_t begin = pos;
        while (pos < end && text_[pos] >= '0' && text_[pos] <= '9') ++pos;
        if (pos == begin || (pos < end && !is_space(text_[pos]))) {
            while (pos < end && !is_space(text_[pos])) ++pos;
            error(begin, std::string("expected ") + what + ", found " +
                             (pos > begin ? "\"" + printable(text_.substr(begin, pos - begin), 40) + "\""
                                          : std::string("the end of the line")));
            return std::nullopt;
        }
        std::size_t n = 0;
        const auto [stop, ec] = std::from_chars(text_.data() + begin, text_.data() + pos, n);
        (void)stop;
        if (ec != std::errc{}) {
            error(begin, std::string(what) + " " + std::string(text_.substr(begin, pos - begin)) + " is too large");
            return std::nullopt;
        }
        return n;
    }
    void read_i23() {
        try {
            std::optional<std::size_t> count;
            std::vector<std::pair<std::size_t, std::size_t>> names;  // (argument, comment offset)
            for (std::size_t pos = 0; pos < text_.size();) {
                const std::size_t end = line_end(pos);
                std::size_t at = pos;
                skip_spaces(at, end);
                const std::size_t stop = trimmed_end(at, end);
                if (at >= stop) {
                } else if (text_[at] == '#') {
                    if (count) names.emplace_back(0, at);  // maybe a name, read below
                } else if (!count) {
                    std::size_t p = at;
                    const auto p_word = word(p, stop);
                    skip_spaces(p, stop);
                    const std::size_t kind_at = p;
                    const auto kind = word(p, stop);
                    if (p_word != "p") {
                        error(at, "expected the header \"p af N\", found \"" + printable(text_.substr(at, stop - at), 40) + "\"");
                        return;
                    }
                    if (kind != "af") {
                        error(kind_at, kind == "aba" ? std::string("ABA frameworks (\"p aba\") are not supported, only \"p af N\"")
                                                      : "expected \"af\" in the header \"p af N\", found \"" +
                                                            printable(kind, 40) + "\"");
                        return;
                    }
                    const std::size_t n_at = (skip_spaces(p, stop), p);
                    const auto n = number(p, stop, "the number of arguments");
                    if (!n) return;
                    skip_spaces(p, stop);
                    if (p < stop) return error(p, "unexpected text after the header \"p af N\"");
                    if (*n > options_.max_arguments)
                        return error(n_at, "too many arguments: " + std::to_string(*n) + " (at most " +
                                               std::to_string(options_.max_arguments) + ")");
                    count = *n;
                    arguments_.reserve(*n);
                    for (std::size_t i = 1; i <= *n; ++i) arguments_.push_back({.name = std::to_string(i)});
                } else {
                    read_i23_attack(at, stop, *count);
                }
                pos = end + 1;
            }
            if (!count) return error(text_.size(), "missing the header \"p af N\"");
            apply_i23_names(names);
        } catch (const stop_reading&) {
        }
    }
    // An attack line `i j` between at and stop.
    void read_i23_attack(std::size_t at, std::size_t stop, std::size_t count) {
        std::size_t p = at;
        const auto from = number(p, stop, "an argument number");
        if (!from) return;
        const std::size_t to_at = (skip_spaces(p, stop), p);
        const auto to = number(p, stop, "an argument number");
        if (!to) return;
        skip_spaces(p, stop);
        if (p < stop) return error(p, "unexpected text after the attack \"i j\"");
        bool in_range = true;
        for (const auto& [n, n_at] : {std::pair{*from, at}, std::pair{*to, to_at}}) {
            if (n == 0 || n > count) {
                error(n_at, "argument " + std::to_string(n) + " is not among 1…" + std::to_string(count) +
                                " (declared by \"p af " + std::to_string(count) + "\")");
                in_range = false;
            }
        }
        if (in_range) add_attack(*from - 1, *to - 1, at);
    }

    // Comments `# i=name` name arguments; a name that would repeat an argument's id is an error.
    void apply_i23_names(const std::vector<std::pair<std::size_t, std::size_t>>& comments) {
        std::vector<std::size_t> named_at(arguments_.size(), std::string_view::npos);
        for (const auto& comment : comments) {
            const std::size_t at = comment.second;
            const std::size_t stop = trimmed_end(at, line_end(at));
            std::size_t p = at + 1;
            skip_spaces(p, stop);
            const std::size_t digits = p;
            while (p < stop && text_[p] >= '0' && text_[p] <= '9') ++p;
            if (p == digits || p >= stop || text_[p] != '=') continue;  // an ordinary comment
            std::size_t n = 0;
            if (std::from_chars(text_.data() + digits, text_.data() + p, n).ec != std::errc{} || n == 0 ||
                n > arguments_.size())
                continue;
            std::string name(text_.substr(p + 1, stop - p - 1));
            if (name.empty()) {
                error(p + 1, "empty name for argument " + std::to_string(n));
                continue;
            }
            if (name.size() > options_.max_name_bytes) {
                error(p + 1, "argument name longer than " + std::to_string(options_.max_name_bytes) + " bytes");
                continue;
            }
            if (named_at[n - 1] != std::string_view::npos) {
                error(digits, "argument " + std::to_string(n) + " named twice (first at " + line_column(named_at[n - 1]) +
                                  ")");
                continue;
            }
            named_at[n - 1] = digits;
            arguments_[n - 1].name = std::move(name);
        }
        std::unordered_map<std::string_view, std::size_t> ids;
        for (std::size_t i = 0; i < arguments_.size(); ++i) {
            const auto [it, added] = ids.emplace(arguments_[i].name, i);
            if (added) continue;
            const std::size_t where = named_at[i] != std::string_view::npos ? named_at[i] : named_at[it->second];
            error(where == std::string_view::npos ? 0 : where,
                  "arguments " + std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + " have the same name " +
                      quoted(arguments_[i].name));
        }
    }

    struct named_attack {
        std::string from{};
        std::size_t from_at = 0;
        std::string to{};
        std::size_t to_at = 0;
    };
    struct pair_hash {
        std::size_t operator()(const std::pair<std::size_t, std::size_t>& p) const noexcept {
            return std::hash<std::size_t>{}(p.first * 0x9E3779B97F4A7C15ULL ^ p.second);
        }
    };

    std::string_view text_;
    iccma_format format_;
    std::string source_;
    const iccma_read_options& options_;
    std::vector<diagnostic>& out_;
    std::size_t errors_ = 0;
    std::vector<std::size_t> line_starts_{};
    std::size_t repeated_attacks_ = 0;
    std::vector<argument> arguments_{};
    std::vector<std::string> declared_at_{};
    std::unordered_map<std::string, std::size_t> index_{};
    std::vector<named_attack> named_attacks_{};
    std::vector<pending_attack> attacks_{};
    std::unordered_set<std::pair<std::size_t, std::size_t>, pair_hash> seen_{};
};

// An apx name as written: bare when the reader reads it back as it is, else quoted.
[[nodiscard]] inline std::string apx_name(std::string_view id) {
    bool bare = !id.empty() && id.back() != '.';
    for (const char ch : id)
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v' || ch == '(' || ch == ')' ||
            ch == ',' || ch == '%' || ch == '"' || ch == '\\')
            bare = false;
    if (bare) return std::string(id);
    std::string out = "\"";
    for (const char ch : id) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

}  // namespace detail

inline check_result check_iccma(std::string_view text, iccma_format format, const std::string& source,
                                const iccma_read_options& options) {
    check_result result;
    result.model = detail::iccma_reader(text, format, source, options, result.diagnostics).run();
    return result;
}

inline std::vector<attack_by_id> attacks_by_id(const case_model& c) {
    std::set<attack_by_id> out;
    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.type != relation_type::contradicts) continue;
        const std::string& from = c.statement_at(c.source(e)).id;
        const std::string& to = c.statement_at(c.target(e)).id;
        out.insert({from, to});
        if (r.is_mutual()) out.insert({to, from});
    }
    return {out.begin(), out.end()};
}

inline std::vector<diagnostic> iccma_problems(const case_model& c, iccma_format format, const std::string& source) {
    std::vector<diagnostic> out;
    if (format != iccma_format::tgf) return out;
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const std::string& id = c.statement_at(v).id;
        const bool blank = std::any_of(id.begin(), id.end(), [](char ch) {
            return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
        });
        if (blank || id == "#")
            out.push_back({.severity = severity::error, .source = source,
                           .location = "/statements/" + std::to_string(v) + "/id",
                           .message = "cannot be written as TGF: the id \"" + detail::printable(id, 60) + "\" " +
                                      (blank ? "holds white space" : "is the separator line \"#\"")});
    }
    return out;
}

inline iccma_text write_iccma(const case_model& c, iccma_format format, const std::string& source) {
    if (const auto problems = iccma_problems(c, format, source); !problems.empty())
        throw model_error(problems.front().location + ": " + problems.front().message);
    iccma_text out;
    const auto warn = [&](std::string at, std::string message) {
        out.dropped.push_back({.severity = severity::warning, .source = source, .location = std::move(at),
                               .message = std::move(message)});
    };
    // What the projection drops, one warning per kind.
    std::size_t supports = 0, first_support = 0, weights = 0, notes = 0;
    for (std::size_t i = 0; i < c.relation_count(); ++i) {
        const relation& r = c.relation_at(i);
        if (r.provenance != provenance::asserted) continue;
        if (r.type == relation_type::supports) {
            if (supports++ == 0) first_support = i;
        } else {
            weights += r.weight ? 1 : 0;
            notes += r.note ? 1 : 0;
        }
    }
    if (supports > 0)
        warn("/relations/" + std::to_string(first_support),
             std::to_string(supports) + (supports == 1 ? " supports relation" : " supports relations") +
                 " dropped: " + std::string(to_string(format)) + " has attacks only");
    std::vector<std::string> fields;
    const auto any_statement = [&](auto has) {
        for (std::size_t v = 0; v < c.statement_count(); ++v)
            if (has(c.statement_at(v))) return true;
        return false;
    };
    if (!c.actors().empty()) fields.push_back("actors");
    if (!c.propositions().empty() || any_statement([](const statement& s) { return s.claim.has_value(); }))
        fields.push_back("propositions and claims");
    if (any_statement([](const statement& s) { return s.time.has_value(); })) fields.push_back("times");
    if (format != iccma_format::tgf && any_statement([](const statement& s) { return s.text.has_value(); }))
        fields.push_back("texts");
    if (any_statement([](const statement& s) { return s.source.has_value(); })) fields.push_back("sources");
    if (any_statement([](const statement& s) { return s.base.has_value(); })) fields.push_back("base scores");
    if (weights > 0) fields.push_back("relation weights");
    const bool has_extensions =
        !c.info().ext.empty() || any_statement([](const statement& s) { return !s.ext.empty(); }) ||
        std::any_of(c.relations().begin(), c.relations().end(), [&](relation_handle e) {
            const relation& r = c.relation_at(e);
            return r.provenance == provenance::asserted && !r.ext.is_null() && !r.ext.empty();
        });
    if (notes > 0) fields.push_back("relation notes");
    if (has_extensions) fields.push_back("x- extensions");
    if (!fields.empty()) {
        std::string list;
        for (std::size_t i = 0; i < fields.size(); ++i)
            list += (i == 0 ? "" : i + 1 == fields.size() ? " and " : ", ") + fields[i];
        warn("", list + " dropped: " + std::string(to_string(format)) + " carries arguments and attacks only");
    }

    const auto attacks = attacks_by_id(c);
    std::string& text = out.text;
    switch (format) {
        case iccma_format::apx:
            for (std::size_t v = 0; v < c.statement_count(); ++v)
                text += "arg(" + detail::apx_name(c.statement_at(v).id) + ").\n";
            for (const auto& a : attacks)
                text += "att(" + detail::apx_name(a.from) + "," + detail::apx_name(a.to) + ").\n";
            break;
        case iccma_format::tgf:
            for (std::size_t v = 0; v < c.statement_count(); ++v) {
                const statement& s = c.statement_at(v);
                text += s.id;
                // The label keeps a one-line text; other texts are dropped with a warning.
                if (s.text && !s.text->empty() && s.text->find_first_of("\r\n") == std::string::npos &&
                    s.text->front() != ' ' && s.text->back() != ' ' && s.text->front() != '\t' && s.text->back() != '\t')
                    text += " " + *s.text;
                else if (s.text)
                    warn("/statements/" + std::to_string(v) + "/text",
                         "dropped: a TGF label is one line without surrounding white space");
                text += '\n';
            }
            text += "#\n";
            for (const auto& a : attacks) text += a.from + " " + a.to + "\n";
            break;
        case iccma_format::i23: {
            text += "p af " + std::to_string(c.statement_count()) + "\n";
            std::unordered_map<std::string_view, std::size_t> number;
            for (std::size_t v = 0; v < c.statement_count(); ++v) {
                const std::string& id = c.statement_at(v).id;
                number.emplace(id, v + 1);
                if (id.find_first_of("\r\n") != std::string::npos || id.front() == ' ' || id.back() == ' ' ||
                    id.front() == '\t' || id.back() == '\t')
                    warn("/statements/" + std::to_string(v) + "/id",
                         "left unnamed (argument " + std::to_string(v + 1) +
                             "): an i23 name comment is one line without surrounding white space");
                else
                    text += "# " + std::to_string(v + 1) + "=" + id + "\n";
            }
            std::vector<std::pair<std::size_t, std::size_t>> numbered;
            numbered.reserve(attacks.size());
            for (const auto& a : attacks) numbered.emplace_back(number.at(a.from), number.at(a.to));
            std::sort(numbered.begin(), numbered.end());
            for (const auto& [from, to] : numbered) text += std::to_string(from) + " " + std::to_string(to) + "\n";
            break;
        }
    }
    return out;
}

}  // namespace narrative
