// SPDX-License-Identifier: MIT
#pragma once
// Import of Argdown text (argument maps in plain text): statements, arguments, relation trees,
// premise–conclusion structures, tags, data and front matter, mapped to a case.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/time.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace narrative {

/// Limits that keep hostile or accidental input from exhausting memory or the stack.
struct argdown_read_options {
    std::size_t max_nodes = std::size_t{1} << 20;  ///< statements and arguments
    std::size_t max_data_depth = 32;               ///< nesting of `{…}` / `[…]` data
    std::size_t max_errors = 1000;                 ///< errors reported before giving up
};

/// Checks an Argdown text and builds the case when it is valid. The mapping:
/// - a statement `[Title]: text` (one per equivalence class: every use of a title is the same
///   statement; its text is the first text given, later different texts are kept in
///   `x-argdown.texts`) becomes a statement with id `Title`; an untitled statement (a paragraph,
///   an untitled relation target or premise) gets the id `Untitled N`, or `<Argument> (n)` for
///   premise and conclusion n of an argument's premise–conclusion structure;
/// - an argument `<Title>: text` becomes a statement with id `<Title>` (angle brackets kept, so
///   statement and argument titles never collide) and `x-argdown.kind` `"argument"`; its
///   premise–conclusion structure `(1) … -- rule -- (n) …` becomes `supports` relations from
///   every statement before the last inference to the argument, and from the argument to the
///   final conclusion;
/// - relations, in indented trees under a node: `+` / `<+` (incoming) and `+>` (outgoing)
///   support become `supports`; `-` / `<-` / `->` attack becomes `contradicts`, mutual between
///   two statements (Argdown's symmetric `contrary`) and directed when an argument takes part
///   (a dialectical attack); `><` (contradictory) a mutual `contradicts`; `_>` / `<_` undercut a
///   directed `contradicts`. `x-argdown.relation` keeps Argdown's relation type; a relation
///   stated twice (sketched in a tree and reconstructed) is kept once, as first stated;
/// - data `{key: value, …}` after a node: `source` sets the statement's source, `speaker` (or
///   `actor`) its actor (actors are created as needed), `date` (or `time`) its time; every
///   data key is also kept in `x-argdown.data`; tags `#tag`, `#(tag with spaces)` go to
///   `x-argdown.tags`, headings to `x-argdown.section`, inference rules to
///   `x-argdown.inferences`; front matter `=== … ===`: `title` is the case title, its other
///   top-level `key: value` lines are kept in `x-argdown-front-matter`.
/// Comments `/* … */` and `<!-- … -->` are skipped; mentions `@[…]` and Markdown stay in texts.
/// Errors are located by `line:column` (the column counts bytes); the case built is then
/// checked like a case file. Never throws parse_error.
[[nodiscard]] check_result check_argdown(std::string_view text, const std::string& source = "<string>",
                                         const argdown_read_options& options = {});

/// Like check_argdown, but returns the case or throws parse_error with every error found.
[[nodiscard]] inline case_model read_argdown(std::string_view text, const std::string& source = "<string>",
                                             const argdown_read_options& options = {}) {
    auto result = check_argdown(text, source, options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

/// An Argdown text and what it leaves out.
struct argdown_text {
    std::string text{};
    /// Warnings located by JSON Pointer into the case document, one per kind of content dropped.
    std::vector<diagnostic> dropped{};
};

/// What of the case Argdown text cannot write so that it reads back the same, located by JSON
/// Pointer: ids holding `[`, `]`, a line break or blanks at either end (arguments: `<`, `>`);
/// texts and data values holding a line break, a tab, two blanks in a row, blanks at either
/// end, a comment marker (`/*`, `*/`, `<!--`, `-->`), or (texts) `{`; a title holding a line
/// break. Empty when write_argdown will succeed.
[[nodiscard]] std::vector<diagnostic> argdown_problems(const case_model& c, const std::string& source = "");

/// The case as Argdown text: the title as front matter; each statement as a definition
/// `[id]: text {speaker: "actor", date: "time", source: "source"}` (a statement whose
/// `x-argdown.kind` is `"argument"` and whose id is `<Title>` as `<Title>: text`), in order;
/// then each asserted relation, in order, as a block under a reference: `supports` as `+`
/// under its target, a mutual `contradicts` as `><` under its source, a directed one as `-`
/// under its target when an argument takes part, else as `<_` (the only one-way attack Argdown
/// has between two statements). Reading the text back with check_argdown gives the same
/// statements (ids, texts, actors, times, sources) and relations (ends, types, directions), in
/// order. Everything else is dropped with a warning: actor names and other fields, propositions
/// and claims, base scores, evidence and interest, relation weights and notes, `x-` keys; a
/// relation repeated in the case reads back once.
/// Throws model_error naming the first of argdown_problems when there is one.
[[nodiscard]] argdown_text write_argdown(const case_model& c, const std::string& source = "");

// =====================================================================================

namespace detail {

// The case an Argdown map makes, built node by node and relation by relation: shared by the
// readers of Argdown text and of Argdown's JSON export, so that both map alike.
class argdown_model_builder {
protected:
    struct node {
        std::string id{};
        bool argument = false;
        std::optional<std::string> text{};
        ojson texts = ojson::array();  // other texts of the equivalence class
        ojson tags = ojson::array();
        ojson data = ojson::object();
        ojson inferences = ojson::array();
        std::optional<std::string> section{};
        std::optional<std::string> source{}, actor{}, time{};
    };

    // The node of a statement (`argument` false) or argument titled `id`, added when new; none
    // when `max_nodes` are reached.
    std::optional<std::size_t> find_or_add_node(const std::string& id, bool argument, std::size_t max_nodes) {
        auto& index = argument ? arguments_ : statements_;
        if (const auto it = index.find(id); it != index.end()) return it->second;
        if (nodes_.size() >= max_nodes) return std::nullopt;
        nodes_.push_back({.id = argument ? "<" + id + ">" : id, .argument = argument});
        if (section_) nodes_.back().section = section_;
        index.emplace(id, nodes_.size() - 1);
        return nodes_.size() - 1;
    }

    // Data `{key: value, …}` of a node: source, speaker/actor, date/time; every key kept.
    template <class Report>
    void apply_data_to(node& n, const ojson& data, const Report& error) {
        if (!data.is_object()) return error("data must be a mapping \"{key: value, …}\"");
        for (const auto& item : data.items()) {
            const std::string& key = item.key();
            const ojson& value = item.value();
            n.data[key] = value;
            const auto text_of = [&](const char* what) -> std::optional<std::string> {
                if (value.is_string()) return value.get<std::string>();
                if (value.is_number()) return value.dump();
                error(std::string(what) + " must be text, got " + json_type_name(value));
                return std::nullopt;
            };
            if (key == "source") {
                if (auto s = text_of("source")) n.source = s;
            } else if (key == "speaker" || key == "actor") {
                if (auto s = text_of(key.c_str()); s && !s->empty()) n.actor = s;
            } else if (key == "date" || key == "time") {
                if (auto s = text_of(key.c_str())) {
                    std::string reason;
                    if (time_point::try_parse(*s, reason))
                        n.time = s;
                    else
                        error(key + ": " + reason);
                }
            }
        }
    }

    // A relation of Argdown's kind (support, attack, contradictory, undercut) from `from` to `to`.
    void relate_kind(std::size_t from, std::size_t to, const std::string& kind) {
        const bool statements = !nodes_[from].argument && !nodes_[to].argument;
        ojson r = {{"from", nodes_[from].id}, {"to", nodes_[to].id}};
        std::string argdown_type = kind;
        if (kind == "support") {
            r["type"] = "supports";
            if (statements) argdown_type = "entails";
        } else {
            r["type"] = "contradicts";
            if (kind == "attack" && statements) argdown_type = "contrary";
            if (kind == "undercut" || (kind == "attack" && !statements)) r["directed"] = true;
        }
        r["x-argdown"] = {{"relation", argdown_type}};
        add_relation(std::move(r));
    }
    void relate_pcs(std::size_t from, std::size_t to, const char* role) {
        add_relation({{"from", nodes_[from].id},
                      {"to", nodes_[to].id},
                      {"type", "supports"},
                      {"x-argdown", {{"relation", role}}}});
    }
    // A relation stated twice (sketched in a tree, then reconstructed) is one relation: the first.
    void add_relation(ojson r) {
        const bool mutual = r["type"] == "contradicts" && !r.contains("directed");
        std::string from = r["from"].get<std::string>(), to = r["to"].get<std::string>();
        if (mutual && to < from) std::swap(from, to);
        if (!relation_keys_.emplace(from, to, r["type"].get<std::string>() + (mutual ? " mutual" : "")).second) return;
        relations_.push_back(std::move(r));
    }

    // ------------------------------------------------------------------ the case document
    ojson document() {
        ojson doc = ojson::object();
        doc["format"] = "narrative/1";
        if (title_) doc["title"] = *title_;
        if (!front_matter_.empty()) {
            ojson fm = ojson::object();
            for (const auto& [key, value] : front_matter_) fm[key] = value;
            doc["x-argdown-front-matter"] = std::move(fm);
        }
        ojson actors = ojson::array();
        std::map<std::string, bool> seen_actors;
        for (const auto& n : nodes_)
            if (n.actor && seen_actors.emplace(*n.actor, true).second) actors.push_back({{"id", *n.actor}});
        doc["actors"] = std::move(actors);
        ojson statements = ojson::array();
        for (auto& n : nodes_) {
            ojson s = {{"id", n.id}};
            if (n.actor) s["actor"] = *n.actor;
            if (n.time) s["time"] = *n.time;
            if (n.text) s["text"] = *n.text;
            if (n.source) s["source"] = *n.source;
            ojson x = {{"kind", n.argument ? "argument" : "statement"}};
            if (!n.texts.empty()) x["texts"] = std::move(n.texts);
            if (!n.tags.empty()) x["tags"] = std::move(n.tags);
            if (n.section) x["section"] = *n.section;
            if (!n.data.empty()) x["data"] = std::move(n.data);
            if (!n.inferences.empty()) x["inferences"] = std::move(n.inferences);
            s["x-argdown"] = std::move(x);
            statements.push_back(std::move(s));
        }
        doc["statements"] = std::move(statements);
        doc["relations"] = std::move(relations_);
        return doc;
    }

    std::optional<std::string> title_{};
    std::map<std::string, std::string> front_matter_{};
    std::vector<node> nodes_{};
    std::map<std::string, std::size_t> statements_{}, arguments_{};
    std::optional<std::string> section_{};
    ojson relations_ = ojson::array();
    std::set<std::tuple<std::string, std::string, std::string>> relation_keys_{};
};

class argdown_reader : private argdown_model_builder {
public:
    argdown_reader(std::string_view text, std::string source, const argdown_read_options& options,
                   std::vector<diagnostic>& out)
        : original_(text), text_(text), source_(std::move(source)), options_(options), out_(out) {}

    std::optional<ojson> run() {
        if (const auto bad = find_invalid_utf8(original_); bad != std::string_view::npos) {
            error(bad, ill_formed_utf8_message(original_, bad));
            return std::nullopt;
        }
        try {
            strip_comments();
            std::size_t pos = front_matter();
            while (pos < text_.size()) {
                const std::size_t end = line_end(pos);
                line(pos, end);
                pos = end + 1;
            }
            end_block();
        } catch (const stop_reading&) {
            return std::nullopt;
        }
        if (errors_ > 0) return std::nullopt;
        return document();
    }

private:
    struct stop_reading {};
    // The text of the element being read, with where each piece came from.
    struct element {
        std::size_t node = 0;
        std::string text{};
        std::vector<std::pair<std::size_t, std::size_t>> pieces{};  // (offset in text, in source)
    };
    struct pcs_statement {
        std::size_t node = 0;
        std::size_t at = 0;
    };
    struct pcs_state {
        std::size_t argument = 0;
        std::size_t at = 0;
        std::vector<pcs_statement> statements{};
        std::size_t before_last_inference = 0;  // statements before the last inference
        std::size_t last_inference_at = 0;
        bool has_inference = false;
        bool in_rule = false;  // between two `--` lines
        std::size_t rule_at = 0;
        std::string rule{};
        std::size_t next_number = 1;
    };

    // ------------------------------------------------------------------ diagnostics
    void error(std::size_t at, std::string message) {
        out_.push_back({.severity = severity::error, .source = source_, .location = line_column(original_, at),
                        .message = std::move(message)});
        if (++errors_ >= options_.max_errors) {
            out_.push_back({.severity = severity::error, .source = source_, .location = {},
                            .message = "too many errors (" + std::to_string(errors_) + "), reading stopped"});
            throw stop_reading{};
        }
    }
    void warning(std::size_t at, std::string message) {
        if (++warnings_ > options_.max_errors) return;  // bounded like the errors
        out_.push_back({.severity = severity::warning, .source = source_, .location = line_column(original_, at),
                        .message = std::move(message)});
    }

    // ------------------------------------------------------------------ lines
    static bool is_blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }
    std::size_t line_end(std::size_t pos) const {
        const auto nl = text_.find('\n', pos);
        return nl == std::string::npos ? text_.size() : nl;
    }
    std::size_t skip_blanks(std::size_t pos, std::size_t end) const {
        while (pos < end && is_blank(text_[pos])) ++pos;
        return pos;
    }
    std::size_t trim_end(std::size_t begin, std::size_t end) const {
        while (end > begin && is_blank(text_[end - 1])) --end;
        return end;
    }

    // Comments become spaces (line breaks kept), so that offsets stay those of the file.
    void strip_comments() {
        for (std::size_t pos = 0; pos < text_.size();) {
            const bool block = text_.compare(pos, 2, "/*") == 0;
            const bool html = !block && text_.compare(pos, 4, "<!--") == 0;
            if (!block && !html) {
                ++pos;
                continue;
            }
            const std::size_t close = text_.find(block ? "*/" : "-->", pos + (block ? 2 : 4));
            if (close == std::string::npos) {
                error(pos, std::string("unterminated comment: missing \"") + (block ? "*/" : "-->") + "\"");
                text_.resize(pos);
                return;
            }
            const std::size_t stop = close + (block ? 2 : 3);
            comments_.emplace_back(pos, stop);
            for (std::size_t i = pos; i < stop; ++i)
                if (text_[i] != '\n') text_[i] = ' ';
            pos = stop;
        }
    }

    // True when [pos, end) overlaps a comment.
    bool has_comment(std::size_t pos, std::size_t end) const {
        const auto it = std::lower_bound(comments_.begin(), comments_.end(), std::pair{pos, std::size_t{0}},
                                         [](const auto& a, const auto& b) { return a.second <= b.first; });
        return it != comments_.end() && it->first < end;
    }

    // Front matter between two `===` lines at the start; returns where the body begins.
    std::size_t front_matter() {
        std::size_t pos = 0;
        while (pos < text_.size()) {  // blank lines first
            const std::size_t end = line_end(pos);
            if (skip_blanks(pos, end) != end) break;
            pos = end + 1;
        }
        if (pos >= text_.size()) return pos;
        const std::size_t first_end = line_end(pos);
        if (std::string_view(text_).substr(pos, trim_end(pos, first_end) - pos) != "===") return 0;
        const std::size_t open = pos;
        for (pos = first_end + 1; pos < text_.size();) {
            const std::size_t end = line_end(pos);
            const std::string_view content = std::string_view(text_).substr(pos, trim_end(pos, end) - pos);
            if (content == "===") return end + 1;
            // Top-level `key: value` lines; nested ones belong to the key above.
            if (!content.empty() && !is_blank(content.front())) {
                const auto colon = content.find(':');
                if (colon == std::string_view::npos || colon == 0) {
                    error(pos, "expected \"key: value\" in the front matter, found \"" + printable(content, 40) + "\"");
                } else {
                    const std::string key(content.substr(0, colon));
                    std::string value(content.substr(colon + 1));
                    value.erase(0, value.find_first_not_of(" \t"));
                    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
                        value = value.substr(1, value.size() - 2);
                    if (key == "title" && !value.empty()) title_ = value;
                    else if (!value.empty()) front_matter_[key] = value;
                }
            }
            pos = end + 1;
        }
        error(open, "unterminated front matter: missing the closing \"===\"");
        return text_.size();
    }

    // ------------------------------------------------------------------ nodes
    std::size_t node_for(const std::string& id, bool argument, std::size_t at) {
        if (const auto n = find_or_add_node(id, argument, options_.max_nodes)) return *n;
        error(at, "more than " + std::to_string(options_.max_nodes) + " statements and arguments");
        throw stop_reading{};
    }
    std::size_t untitled(std::size_t at) { return node_for("Untitled " + std::to_string(++untitled_count_), false, at); }

    // The head of an element at [pos, end): `[Title]: text`, `[Title]`, `<Title>: text`,
    // `<Title>`, or text. Starts the element and returns its node; `fallback_id` names an
    // untitled statement (premises), else it is `Untitled N`.
    std::size_t start_element(std::size_t pos, std::size_t end, const std::string& fallback_id = {}) {
        finish_element();
        std::size_t body = pos;
        std::optional<std::size_t> found;
        const char open = text_[pos];
        if (open == '[' || open == '<') {
            const char close = open == '[' ? ']' : '>';
            const std::size_t stop = text_.find(close, pos + 1);
            if (stop == std::string::npos || stop >= end) {
                error(pos, std::string("unterminated title: missing \"") + close + "\"");
            } else if (open == '[' && stop + 1 < end && text_[stop + 1] == '(') {
                // A Markdown link `[text](url)`, not a title.
            } else {
                std::string title = text_.substr(pos + 1, stop - pos - 1);
                const auto first = title.find_first_not_of(" \t"), last = title.find_last_not_of(" \t");
                if (first == std::string::npos) {
                    error(pos, std::string("empty title \"") + open + close + "\"");
                } else {
                    title = title.substr(first, last - first + 1);
                    found = node_for(title, open == '<', pos);
                }
                body = stop + 1;
                if (body < end && text_[body] == ':') {
                    ++body;
                } else {
                    // A reference: only tags or data may follow.
                    const std::size_t rest = skip_blanks(body, end);
                    if (rest < end && text_[rest] != '#' && text_[rest] != '{')
                        error(rest, std::string("expected \":\" after the title ") + open + printable(title, 40) +
                                        close + " (a definition is \"" + open + "Title" + close + ": text\")");
                }
            }
        }
        const std::size_t n = found ? *found : fallback_id.empty() ? untitled(pos) : node_for(fallback_id, false, pos);
        if (!found && !fallback_id.empty() && nodes_[n].text) error(pos, "duplicate premise number");
        current_ = element{.node = n};
        append(body, end);
        return n;
    }
    void append(std::size_t pos, std::size_t end) {
        if (!current_) return;
        pos = skip_blanks(pos, end);
        end = trim_end(pos, end);
        if (pos >= end) return;
        if (!current_->text.empty()) current_->text += ' ';
        // Runs of blanks become one space, as Markdown renders them (comments left blanks).
        bool skipped = true;  // a new piece starts here
        for (std::size_t i = pos; i < end; ++i) {
            if (is_blank(text_[i]) && i > pos && is_blank(text_[i - 1])) {
                skipped = true;
                continue;
            }
            if (skipped) current_->pieces.emplace_back(current_->text.size(), i);
            skipped = false;
            current_->text += is_blank(text_[i]) ? ' ' : text_[i];
        }
    }
    // Where offset `i` of the element's text came from.
    std::size_t source_offset(const element& e, std::size_t i) const {
        auto it = std::upper_bound(e.pieces.begin(), e.pieces.end(), std::pair{i, std::string::npos});
        if (it == e.pieces.begin()) return e.pieces.empty() ? 0 : e.pieces.front().second;
        --it;
        return it->second + (i - it->first);
    }

    void finish_element() {
        if (!current_) return;
        element e = std::move(*current_);
        current_.reset();
        node& n = nodes_[e.node];
        std::string& t = e.text;
        // Data blocks `{…}`, removed from the text.
        std::string kept;
        for (std::size_t i = 0; i < t.size();) {
            if (t[i] != '{') {
                kept += t[i++];
                continue;
            }
            std::size_t p = i;
            std::string why;
            std::size_t why_at = i;
            auto value = data_value(t, p, 0, why, why_at);
            if (!value) {
                error(source_offset(e, why_at), "invalid data: " + why);
                return;
            }
            apply_data(n, *value, source_offset(e, i));
            i = p;
        }
        // Tags: `#word` or `#(words)` at the start or after white space.
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (kept[i] != '#' || (i > 0 && kept[i - 1] != ' ' && kept[i - 1] != '\t')) continue;
            if (i + 1 < kept.size() && kept[i + 1] == '(') {
                const auto close = kept.find(')', i + 2);
                if (close == std::string::npos) {
                    error(source_offset(e, i), "unterminated tag: missing \")\"");
                    continue;
                }
                add_tag(n, kept.substr(i + 2, close - i - 2));
            } else {
                std::size_t j = i + 1;
                while (j < kept.size() && kept[j] != ' ' && kept[j] != '\t' && kept[j] != '#') ++j;
                if (j > i + 1) add_tag(n, kept.substr(i + 1, j - i - 1));
            }
        }
        while (!kept.empty() && (kept.back() == ' ' || kept.back() == '\t')) kept.pop_back();
        kept.erase(0, std::min(kept.size(), kept.find_first_not_of(" \t")));
        if (kept.empty()) return;
        if (!n.text)
            n.text = kept;
        else if (*n.text != kept && std::find(n.texts.begin(), n.texts.end(), kept) == n.texts.end())
            n.texts.push_back(kept);
    }
    static void add_tag(node& n, std::string tag) {
        if (std::find(n.tags.begin(), n.tags.end(), tag) == n.tags.end()) n.tags.push_back(std::move(tag));
    }

    void apply_data(node& n, const ojson& data, std::size_t at) {
        apply_data_to(n, data, [&](std::string message) { error(at, std::move(message)); });
    }

    // A YAML-like flow value at t[p]: `{k: v, …}`, `[v, …]`, a quoted string, or a plain
    // scalar (true, false, null, a number, else text). On failure, `why` and `why_at`.
    std::optional<ojson> data_value(const std::string& t, std::size_t& p, std::size_t depth, std::string& why,
                                    std::size_t& why_at) const {
        const auto skip = [&] {
            while (p < t.size() && (t[p] == ' ' || t[p] == '\t')) ++p;
        };
        const auto fail = [&](std::string message) -> std::optional<ojson> {
            why = std::move(message);
            why_at = p;
            return std::nullopt;
        };
        skip();
        if (p >= t.size()) return fail("unexpected end of the data");
        if (depth >= options_.max_data_depth) return fail("nested deeper than " + std::to_string(options_.max_data_depth));
        const char ch = t[p];
        if (ch == '{' || ch == '[') {
            const char close = ch == '{' ? '}' : ']';
            ojson v = ch == '{' ? ojson::object() : ojson::array();
            ++p;
            skip();
            if (p < t.size() && t[p] == close) return ++p, v;
            for (;;) {
                if (ch == '{') {
                    skip();
                    std::string key;
                    if (p < t.size() && (t[p] == '"' || t[p] == '\'')) {
                        auto k = quoted(t, p, why, why_at);
                        if (!k) return std::nullopt;
                        key = *k;
                    } else {
                        const std::size_t b = p;
                        while (p < t.size() && t[p] != ':' && t[p] != ',' && t[p] != '}' && t[p] != '{' && t[p] != '[' &&
                               t[p] != '"')
                            ++p;
                        key = t.substr(b, p - b);
                        while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
                        if (key.empty()) return p = b, fail("expected a key");
                    }
                    skip();
                    if (p >= t.size() || t[p] != ':') return fail("expected \":\" after the key \"" + printable(key, 40) + "\"");
                    ++p;
                    auto value = data_value(t, p, depth + 1, why, why_at);
                    if (!value) return std::nullopt;
                    v[key] = std::move(*value);
                } else {
                    auto value = data_value(t, p, depth + 1, why, why_at);
                    if (!value) return std::nullopt;
                    v.push_back(std::move(*value));
                }
                skip();
                if (p < t.size() && t[p] == ',') {
                    ++p;
                    continue;
                }
                if (p < t.size() && t[p] == close) return ++p, v;
                return fail(std::string("expected \",\" or \"") + close + "\"");
            }
        }
        if (ch == '"' || ch == '\'') {
            auto s = quoted(t, p, why, why_at);
            if (!s) return std::nullopt;
            return ojson(*s);
        }
        const std::size_t b = p;
        while (p < t.size() && t[p] != ',' && t[p] != '}' && t[p] != ']') ++p;
        std::string plain = t.substr(b, p - b);
        while (!plain.empty() && (plain.back() == ' ' || plain.back() == '\t')) plain.pop_back();
        if (plain.empty()) return p = b, fail("expected a value");
        if (plain == "true") return ojson(true);
        if (plain == "false") return ojson(false);
        if (plain == "null" || plain == "~") return ojson(nullptr);
        long long integer = 0;
        if (const auto r = std::from_chars(plain.data(), plain.data() + plain.size(), integer);
            r.ec == std::errc{} && r.ptr == plain.data() + plain.size())
            return ojson(integer);
        double real = 0;
        if (const auto r = std::from_chars(plain.data(), plain.data() + plain.size(), real);
            r.ec == std::errc{} && r.ptr == plain.data() + plain.size() && std::abs(real) <= 1.7976931348623157e308)
            return ojson(real);
        return ojson(plain);
    }
    static std::optional<std::string> quoted(const std::string& t, std::size_t& p, std::string& why, std::size_t& why_at) {
        const char q = t[p];
        const std::size_t open = p++;
        std::string s;
        while (p < t.size() && t[p] != q) {
            if (q == '"' && t[p] == '\\' && p + 1 < t.size()) ++p;
            s += t[p++];
        }
        if (p >= t.size()) {
            why = std::string("unterminated string: missing ") + q;
            why_at = open;
            return std::nullopt;
        }
        ++p;
        return s;
    }

    // ------------------------------------------------------------------ relations
    void relate(std::size_t parent, std::string_view marker, std::size_t child) {
        std::size_t from = child, to = parent;
        std::string kind;  // support, attack, contradictory, undercut
        if (marker == "+" || marker == "<+") kind = "support";
        else if (marker == "+>") kind = "support", std::swap(from, to);
        else if (marker == "-" || marker == "<-") kind = "attack";
        else if (marker == "->") kind = "attack", std::swap(from, to);
        else if (marker == "><") kind = "contradictory", std::swap(from, to);
        else if (marker == "_>") kind = "undercut", std::swap(from, to);
        else kind = "undercut";  // <_
        relate_kind(from, to, kind);
    }

    // ------------------------------------------------------------------ blocks
    void end_pcs() {
        if (!pcs_) return;
        finish_element();
        pcs_state p = std::move(*pcs_);
        pcs_.reset();
        if (p.in_rule) return error(p.rule_at, "unterminated inference: missing the closing \"--\"");
        if (!p.has_inference)
            return error(p.at, "premise–conclusion structure without an inference line (\"--\" … \"--\" or \"----\")");
        if (p.before_last_inference == p.statements.size())
            return error(p.last_inference_at, "missing conclusion after the inference line");
        if (p.before_last_inference + 1 < p.statements.size())
            return error(p.statements[p.before_last_inference + 1].at,
                         "more than one statement after the last inference line");
        for (std::size_t i = 0; i < p.before_last_inference; ++i)
            relate_pcs(p.statements[i].node, p.argument, "premise");
        relate_pcs(p.argument, p.statements.back().node, "conclusion");
    }
    void end_block() {
        finish_element();
        end_pcs();
        stack_.clear();
    }

    static std::optional<std::string_view> relation_marker(std::string_view s) {
        for (const std::string_view m : {"->", "+>", "<-", "<+", "><", "_>", "<_", "+", "-"})
            if (s.substr(0, m.size()) == m && (s.size() == m.size() || s[m.size()] == ' ' || s[m.size()] == '\t'))
                return m;
        return std::nullopt;
    }
    static bool is_dashes(std::string_view s) {
        return s.size() >= 2 && s.find_first_not_of('-') == std::string_view::npos;
    }

    void line(std::size_t pos, std::size_t end) {
        const std::size_t first = skip_blanks(pos, end);
        end = trim_end(first, end);
        if (first >= end && has_comment(pos, end)) return;  // a comment is no blank line
        if (first >= end) {  // a blank line ends an element and a relation tree
            finish_element();
            stack_.clear();
            blank_before_ = true;
            return;
        }
        const bool after_blank = blank_before_;
        blank_before_ = false;
        const std::string_view content = std::string_view(text_).substr(first, end - first);
        const std::size_t indent = first - pos;

        if (pcs_ && pcs_->in_rule) {  // inside `--` … `--`
            if (content == "--") {
                pcs_->in_rule = false;
                std::string rule = pcs_->rule;
                ojson inference = ojson::object();
                // Data of the rule, as for a node.
                const auto brace = rule.find('{');
                if (brace != std::string::npos) {
                    std::size_t p = brace;
                    std::string why;
                    std::size_t why_at = brace;
                    if (auto data = data_value(rule, p, 0, why, why_at))
                        inference["data"] = std::move(*data), rule.erase(brace, p - brace);
                    else
                        error(pcs_->rule_at, "invalid data in the inference rule: " + why);
                }
                while (!rule.empty() && rule.back() == ' ') rule.pop_back();
                if (!rule.empty()) inference["rule"] = rule;
                if (!inference.empty()) nodes_[pcs_->argument].inferences.push_back(std::move(inference));
            } else {
                (pcs_->rule += pcs_->rule.empty() ? "" : " ") += std::string(content);
            }
            return;
        }
        if (indent == 0 && content.front() == '#') {  // a heading: `#`… and a space
            const auto hashes = content.find_first_not_of('#');
            if (hashes != std::string_view::npos && hashes <= 6 && (content[hashes] == ' ' || content[hashes] == '\t')) {
                end_block();
                last_argument_.reset();
                std::string heading(content.substr(hashes));
                heading.erase(0, heading.find_first_not_of(" \t"));
                section_ = heading;
                return;
            }
        }
        if (is_dashes(content)) {  // an inference line
            if (!pcs_) return error(first, "inference line outside a premise–conclusion structure");
            finish_element();
            stack_.clear();
            pcs_->has_inference = true;
            pcs_->before_last_inference = pcs_->statements.size();
            pcs_->last_inference_at = first;
            if (content == "--") pcs_->in_rule = true, pcs_->rule_at = first, pcs_->rule.clear();
            return;
        }
        if (indent > 0) {
            if (const auto marker = relation_marker(content)) {
                if (stack_.empty()) return error(first, "relation without a statement or argument above it");
                const std::size_t at = skip_blanks(first + marker->size(), end);
                if (at >= end) return error(first, "relation \"" + std::string(*marker) + "\" without a target");
                while (stack_.size() > 1 && stack_.back().first >= indent) stack_.pop_back();
                const std::size_t parent = stack_.back().second;
                const std::size_t child = start_element(at, end);
                relate(parent, *marker, child);
                stack_.emplace_back(indent, child);
                return;
            }
        }
        if (content.front() == '(') {  // a numbered premise or conclusion `(n)`
            const auto close = content.find(')');
            std::size_t number = 0;
            const auto parsed = close != std::string_view::npos && close > 1
                                    ? std::from_chars(content.data() + 1, content.data() + close, number)
                                    : std::from_chars_result{content.data(), std::errc::invalid_argument};
            const bool numbered = parsed.ec == std::errc{} && parsed.ptr == content.data() + close;
            if (numbered && (pcs_ || after_blank || !current_ || last_argument_)) {
                if (!pcs_) {
                    finish_element();
                    stack_.clear();
                    const std::size_t argument =
                        last_argument_ ? *last_argument_
                                       : node_for("Untitled argument " + std::to_string(++untitled_arguments_), true, first);
                    pcs_ = pcs_state{.argument = argument, .at = first};
                    last_argument_.reset();
                }
                if (number != pcs_->next_number)
                    warning(first, "statement numbered (" + std::to_string(number) + "), expected (" +
                                       std::to_string(pcs_->next_number) + ")");
                pcs_->next_number = number + 1;
                std::size_t at = skip_blanks(first + close + 1, end);
                if (at >= end) return error(first, "numbered statement (" + std::to_string(number) + ") without text");
                stack_.clear();
                const std::size_t n = start_element(at, end, nodes_[pcs_->argument].id + " (" + std::to_string(number) + ")");
                pcs_->statements.push_back({.node = n, .at = first});
                stack_.emplace_back(0, n);
                return;
            }
        }
        if (current_ && !after_blank) {  // continues the element above
            append(first, end);
            return;
        }
        // A new top-level element.
        end_block();
        const std::size_t n = start_element(first, end);
        last_argument_.reset();
        if (nodes_[n].argument) last_argument_ = n;
        stack_.emplace_back(0, n);
    }


    std::string_view original_;
    std::string text_;
    std::string source_;
    const argdown_read_options& options_;
    std::vector<diagnostic>& out_;
    std::size_t errors_ = 0, warnings_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> comments_{};  // [begin, end) of each comment
    std::size_t untitled_count_ = 0, untitled_arguments_ = 0;
    std::optional<element> current_{};
    std::vector<std::pair<std::size_t, std::size_t>> stack_{};  // (indent, node) of the open relation tree
    std::optional<pcs_state> pcs_{};
    std::optional<std::size_t> last_argument_{};
    bool blank_before_ = true;
};

}  // namespace detail

namespace detail {

// A statement written as an argument `<Title>`: marked so by an Argdown import.
[[nodiscard]] inline bool written_as_argument(const statement& s) {
    const auto kind = s.ext.is_object() ? s.ext.find("x-argdown") : s.ext.end();
    return s.id.size() > 2 && s.id.front() == '<' && s.id.back() == '>' && kind != s.ext.end() &&
           kind->is_object() && kind->value("kind", "") == "argument";
}

// Why `s` would not read back as it is from Argdown text, or "".
[[nodiscard]] inline std::string argdown_text_problem(std::string_view s, bool brace_allowed) {
    if (s.find_first_of("\r\n") != std::string_view::npos) return "holds a line break";
    if (s.find('\t') != std::string_view::npos) return "holds a tab";
    if (s.find("  ") != std::string_view::npos) return "holds two blanks in a row";
    if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) return "begins or ends with a blank";
    for (const char* marker : {"/*", "*/", "<!--", "-->"})
        if (s.find(marker) != std::string_view::npos) return std::string("holds the comment marker \"") + marker + "\"";
    if (!brace_allowed && s.find('{') != std::string_view::npos) return "holds \"{\", which starts data";
    if (const auto tag = s.find("#("); !brace_allowed && tag != std::string_view::npos && s.find(')', tag) == std::string_view::npos)
        return "holds \"#(\" without \")\"";
    return "";
}

// A data value as a double-quoted string.
[[nodiscard]] inline std::string argdown_quoted(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

}  // namespace detail

inline std::vector<diagnostic> argdown_problems(const case_model& c, const std::string& source) {
    std::vector<diagnostic> out;
    const auto problem = [&](std::string at, const std::string& what) {
        out.push_back({.severity = severity::error, .source = source, .location = std::move(at),
                       .message = "cannot be written as Argdown: " + what});
    };
    if (const auto& title = c.info().title) {
        if (auto why = detail::argdown_text_problem(*title, true); !why.empty() || title->empty() ||
                                                                  title->front() == '"' || title->front() == '\'')
            problem("/title", "the title " + (why.empty() ? std::string("is empty or begins with a quote") : why));
    }
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        const std::string at = "/statements/" + std::to_string(v);
        const bool argument = detail::written_as_argument(s);
        const std::string_view title = argument ? std::string_view(s.id).substr(1, s.id.size() - 2) : std::string_view(s.id);
        if (title.find_first_of(argument ? "<>" : "[]") != std::string_view::npos)
            problem(at + "/id", std::string("the id holds \"") + (argument ? "<\" or \">" : "[\" or \"]") + "\"");
        else if (title.empty() || title.find_first_of("\r\n\t") != std::string_view::npos || title.front() == ' ' ||
                 title.back() == ' ')
            problem(at + "/id", "the id is empty, holds a line break or a tab, or begins or ends with a blank");
        else if (title.find("/*") != std::string_view::npos || title.find("*/") != std::string_view::npos ||
                 title.find("<!--") != std::string_view::npos || title.find("-->") != std::string_view::npos)
            problem(at + "/id", "the id holds a comment marker");
        if (s.text) {
            if (auto why = detail::argdown_text_problem(*s.text, false); !why.empty()) problem(at + "/text", "the text " + why);
            else if (s.text->empty()) problem(at + "/text", "the text is empty");
        }
        const auto value = [&](const std::optional<std::string>& field, const char* name) {
            if (!field) return;
            if (auto why = detail::argdown_text_problem(*field, true); !why.empty())
                problem(at + "/" + name, std::string("the ") + name + " " + why);
        };
        value(s.actor, "actor");
        value(s.source, "source");
    }
    return out;
}

inline argdown_text write_argdown(const case_model& c, const std::string& source) {
    if (const auto problems = argdown_problems(c, source); !problems.empty())
        throw model_error(problems.front().location + ": " + problems.front().message);
    argdown_text out;
    std::string& text = out.text;
    if (c.info().title) text += "===\ntitle: " + *c.info().title + "\n===\n\n";
    const auto node = [&](statement_index v) {
        const statement& s = c.statement_at(v);
        return detail::written_as_argument(s) ? s.id : "[" + s.id + "]";
    };
    bool dropped_extensions = !c.info().ext.empty() || c.info().description.has_value();
    bool dropped_fields = false;
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        text += node(v) + ":";
        if (s.text) text += " " + *s.text;
        std::vector<std::string> data;
        if (s.actor) data.push_back("speaker: " + detail::argdown_quoted(*s.actor));
        if (s.time) data.push_back("date: " + detail::argdown_quoted(s.time->text()));
        if (s.source) data.push_back("source: " + detail::argdown_quoted(*s.source));
        if (!data.empty()) {
            text += " {";
            for (std::size_t i = 0; i < data.size(); ++i) text += (i ? ", " : "") + data[i];
            text += "}";
        }
        text += "\n\n";
        dropped_fields = dropped_fields || s.base || s.claim || s.evidence || s.interest;
        for (const auto& item : s.ext.items()) dropped_extensions = dropped_extensions || item.key() != "x-argdown";
    }
    bool dropped_relation_fields = false, mutual_supports = false;
    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.provenance != provenance::asserted) continue;
        const statement_index from = c.source(e), to = c.target(e);
        const bool argument =
            detail::written_as_argument(c.statement_at(from)) || detail::written_as_argument(c.statement_at(to));
        if (r.type == relation_type::supports && r.is_directed())
            text += node(to) + "\n  + " + node(from) + "\n\n";
        else if (r.type == relation_type::supports)
            text += node(to) + "\n  + " + node(from) + "\n\n", mutual_supports = true;
        else if (r.is_mutual())
            text += node(from) + "\n  >< " + node(to) + "\n\n";
        else
            text += node(to) + "\n  " + (argument ? "- " : "<_ ") + node(from) + "\n\n";
        dropped_relation_fields = dropped_relation_fields || r.weight || r.note;
        for (const auto& item : r.ext.items()) dropped_extensions = dropped_extensions || item.key() != "x-argdown";
    }
    const auto warn = [&](const char* what) {
        out.dropped.push_back({.severity = severity::warning, .source = source, .location = {},
                               .message = std::string(what) + " dropped: Argdown text has no place for them"});
    };
    const bool actor_fields = std::any_of(c.actors().begin(), c.actors().end(), [&](const actor& a) {
        return a.name || a.kind || a.group || a.prior || !a.ext.empty() ||
               c.statements_of(*c.find_actor(a.id)).empty();
    });
    if (actor_fields) warn("actor names, kinds, groups, priors and actors without statements");
    if (!c.propositions().empty() || dropped_fields) warn("propositions, claims, base scores, evidence and interest");
    if (dropped_relation_fields) warn("relation weights and notes");
    if (mutual_supports) warn("mutual supports (written as one-way supports)");
    if (dropped_extensions) warn("the description and x- extensions");
    return out;
}

inline check_result check_argdown(std::string_view text, const std::string& source, const argdown_read_options& options) {
    check_result result;
    auto doc = detail::argdown_reader(text, source, options, result.diagnostics).run();
    if (!doc) return result;
    result.model = detail::case_validator(source, result.diagnostics).run(*doc);
    return result;
}

}  // namespace narrative
