// SPDX-License-Identifier: MIT
#pragma once
// Reading and writing case files (`narrative/1` JSON): every problem of a file reported together
// with its location, and a lossless round trip including `x-` extension keys.

#include <narrative/detail/closest_id.hpp>
#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json_fast.hpp>
#include <narrative/io/text_file.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/version.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace narrative {

/// Limits that keep hostile or accidental input from exhausting memory or the stack.
struct read_options {
    std::size_t max_string_bytes = std::size_t{1} << 20;  ///< longest string value (1 MiB)
    std::size_t max_depth = 64;                           ///< deepest nesting of arrays/objects
    /// Unknown ids that get a "did you mean" suggestion; the ones after go without (each
    /// suggestion searches the known ids, so this bounds the work on a file full of typos).
    std::size_t max_suggestions = 1000;
};

/// What checking a case file found: the model when it is valid, and every diagnostic.
struct check_result {
    std::optional<case_model> model{};     ///< set when there is no error (warnings allowed)
    std::vector<diagnostic> diagnostics{};  ///< errors and warnings, in input order

    [[nodiscard]] bool ok() const noexcept { return model.has_value(); }
    [[nodiscard]] std::size_t error_count() const noexcept {
        std::size_t n = 0;
        for (const auto& d : diagnostics) n += d.severity == severity::error ? 1 : 0;
        return n;
    }
};

/// Checks a case file's text and builds the model when it is valid. Never throws
/// parse_error: every problem becomes a diagnostic (syntax errors by `line:column`, content
/// errors by JSON Pointer, dangling ids with the closest existing id).
[[nodiscard]] check_result check_case(std::string_view text, std::string source = "<string>",
                                      const read_options& options = {});

/// Reads a case from JSON text. Throws parse_error carrying every error found.
[[nodiscard]] case_model read_case(std::string_view text, std::string source = "<string>",
                                   const read_options& options = {});

/// Reads a case file. Throws io_error when the file cannot be read, parse_error when invalid.
[[nodiscard]] case_model read_case_file(const std::filesystem::path& path,
                                        const read_options& options = {});

/// The case as a `narrative/1` JSON document: asserted relations only (inferred ones are never
/// written as asserted), keys in the order of the specification, `x-` keys kept.
[[nodiscard]] nlohmann::ordered_json to_json(const case_model& c);

/// The case as `narrative/1` JSON text (two-space indent, final newline).
[[nodiscard]] std::string write_case(const case_model& c);

/// Writes the case to `path` atomically (temporary file, then rename). Throws io_error.
void write_case_file(const case_model& c, const std::filesystem::path& path);

// =====================================================================================
namespace detail {

using ojson = nlohmann::ordered_json;

[[nodiscard]] inline std::string json_type_name(const ojson& v) {
    switch (v.type()) {
        case ojson::value_t::null: return "null";
        case ojson::value_t::boolean: return "a boolean";
        case ojson::value_t::number_integer:
        case ojson::value_t::number_unsigned:
        case ojson::value_t::number_float: return "a number";
        case ojson::value_t::string: return "a string";
        case ojson::value_t::array: return "an array";
        case ojson::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

/// A short rendering of a JSON value for messages.
[[nodiscard]] inline std::string json_excerpt(const ojson& v) {
    if (v.is_string()) return "\"" + printable(v.get_ref<const std::string&>(), 60) + "\"";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return v.dump();
}

// Parses JSON, reporting syntax errors with line:column and duplicate keys and over-deep
// nesting by JSON Pointer (nlohmann keeps the last of duplicate keys silently otherwise).
// A SAX handler that builds the document itself: linear in the size of the text (nlohmann's
// callback parser rescans the enclosing array after every object, which is quadratic for an
// array of objects).
class json_parser final : public nlohmann::json_sax<ojson> {
public:
    json_parser(std::string_view text, std::string source, const read_options& options,
                std::vector<diagnostic>& out)
        : text_(text), source_(std::move(source)), options_(options), out_(out) {}

    std::optional<ojson> parse() {
        ojson root;
        root_ = &root;
        if (ojson::sax_parse(text_.begin(), text_.end(), this)) return std::optional<ojson>(std::move(root));
        if (too_deep_) {
            error(deep_pointer_, "nesting deeper than " + std::to_string(options_.max_depth) + " levels");
        } else if (syntax_byte_) {
            const std::size_t pos = *syntax_byte_ == 0 ? 0 : *syntax_byte_ - 1;
            error_at(line_column(text_, pos), syntax_message(syntax_what_));
        } else {
            // Out-of-range numbers (e.g. 1e400) come without a position: find the literal.
            error_at(locate_literal(syntax_what_), syntax_message(syntax_what_));
        }
        return std::nullopt;
    }

    // ---------------------------------------------------------------- SAX events
    bool null() override { return scalar(nullptr); }
    bool boolean(bool v) override { return scalar(v); }
    bool number_integer(number_integer_t v) override { return scalar(v); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(v); }
    bool binary(binary_t& v) override { return scalar(ojson::binary(v)); }
    bool string(string_t& v) override {
        if (v.size() > options_.max_string_bytes)
            error(pointer(), "string of " + std::to_string(v.size()) + " bytes is longer than the limit of " +
                                 std::to_string(options_.max_string_bytes) + " bytes");
        return scalar(v);
    }
    bool start_object(std::size_t) override { return open(ojson::object(), false); }
    bool start_array(std::size_t) override { return open(ojson::array(), true); }
    bool key(string_t& k) override {
        auto& top = stack_.back();
        top.key = k;
        if (!top.keys.insert(top.key).second) error(pointer(), "duplicate key \"" + printable(top.key) + "\"");
        // Like nlohmann's own parser, a repeated key keeps its first place and its last value.
        member_ = &(*containers_.back())[k];
        return true;
    }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        syntax_what_ = e.what();
        if (const auto* p = dynamic_cast<const ojson::parse_error*>(&e)) syntax_byte_ = p->byte;
        return false;
    }

private:
    struct frame {
        bool is_array = false;
        std::size_t index = 0;
        std::string key{};
        std::unordered_set<std::string> keys{};
    };

    // Places a value where the parser is (the root, the next array element or the member of
    // the last key) and returns it.
    ojson* place(ojson&& v) {
        if (containers_.empty()) {
            *root_ = std::move(v);
            return root_;
        }
        ojson* parent = containers_.back();
        if (parent->is_array()) {
            auto& elements = parent->get_ref<ojson::array_t&>();
            elements.push_back(std::move(v));
            return &elements.back();
        }
        *member_ = std::move(v);
        return member_;
    }

    bool scalar(ojson&& v) {
        place(std::move(v));
        element_done();
        return true;
    }

    bool open(ojson&& empty, bool is_array) {
        if (stack_.size() >= options_.max_depth) {
            deep_pointer_ = pointer();
            too_deep_ = true;
            return false;
        }
        containers_.push_back(place(std::move(empty)));
        stack_.push_back({.is_array = is_array});
        return true;
    }

    bool close() {
        containers_.pop_back();
        stack_.pop_back();
        element_done();
        return true;
    }

    void element_done() {
        if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
    }

    [[nodiscard]] std::string pointer() const {
        std::string p;
        for (const auto& f : stack_)
            p = f.is_array ? pointer_append(p, f.index) : pointer_append(p, f.key);
        return p;
    }

    static std::string syntax_message(std::string what) {
        // "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error …"
        if (const auto bracket = what.find("] "); bracket != std::string::npos)
            what = what.substr(bracket + 2);
        if (what.rfind("parse error", 0) == 0) {
            if (const auto colon = what.find(": "); colon != std::string::npos)
                what = what.substr(colon + 2);
        }
        return "invalid JSON: " + printable(what, 200, true);
    }

    std::string locate_literal(const std::string& what) const {
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        if (open != std::string::npos && close > open + 1) {
            const auto literal = what.substr(open + 1, close - open - 1);
            if (const auto at = text_.find(literal); at != std::string_view::npos)
                return line_column(text_, at);
        }
        return "";
    }

    void error(std::string where, std::string message) {
        out_.push_back({.severity = severity::error, .source = source_,
                        .location = std::move(where),
                        .message = std::move(message)});
    }
    void error_at(std::string where, std::string message) {
        out_.push_back({.severity = severity::error, .source = source_,
                        .location = std::move(where), .message = std::move(message)});
    }

    std::string_view text_;
    std::string source_;
    const read_options& options_;
    std::vector<diagnostic>& out_;
    ojson* root_ = nullptr;
    std::vector<ojson*> containers_{};  // the open arrays and objects, outermost first
    ojson* member_ = nullptr;           // the member named by the last key
    std::vector<frame> stack_{};        // the same containers, for pointers and duplicate keys
    bool too_deep_ = false;
    std::string deep_pointer_{};
    std::string syntax_what_{};
    std::optional<std::size_t> syntax_byte_{};
};

// Validates a parsed document against the case format and builds the model.
class case_validator {
public:
    case_validator(std::string source, std::vector<diagnostic>& out, const read_options& options = {})
        : source_(std::move(source)), out_(out), suggestions_left_(options.max_suggestions) {}

    std::optional<case_model> run(const ojson& doc) {
        if (!doc.is_object()) {
            error("", "a case file must be a JSON object, got " + json_type_name(doc));
            return std::nullopt;
        }
        case_model model;
        check_keys(doc, "", {"format", "title", "description", "actors", "propositions",
                             "statements", "relations"});
        if (const auto* f = member(doc, "format")) {
            if (!f->is_string() || f->get_ref<const std::string&>() != case_format_v1)
                error("/format", "must be \"" + std::string(case_format_v1) + "\", got " +
                                     json_excerpt(*f));
        } else {
            error("", "missing required key \"format\" (must be \"" +
                          std::string(case_format_v1) + "\")");
        }
        model.info().title = optional_string(doc, "", "title");
        model.info().description = optional_string(doc, "", "description");
        model.info().ext = extensions_of(doc);

        const auto actors = array_member(doc, "", "actors", false);
        const auto propositions = array_member(doc, "", "propositions", false);
        const auto statements = array_member(doc, "", "statements", true);
        const auto relations = array_member(doc, "", "relations", false);

        std::vector<actor> actor_list;
        for (std::size_t i = 0; actors && i < actors->size(); ++i)
            if (auto a = read_actor((*actors)[i], pointer_append("/actors", i))) actor_list.push_back(std::move(*a));
        std::vector<proposition> proposition_list;
        for (std::size_t i = 0; propositions && i < propositions->size(); ++i)
            if (auto p = read_proposition((*propositions)[i], pointer_append("/propositions", i)))
                proposition_list.push_back(std::move(*p));
        std::vector<statement> statement_list;
        for (std::size_t i = 0; statements && i < statements->size(); ++i)
            if (auto s = read_statement((*statements)[i], pointer_append("/statements", i)))
                statement_list.push_back(std::move(*s));
        std::vector<pending_relation> relation_list;
        for (std::size_t i = 0; relations && i < relations->size(); ++i)
            if (auto r = read_relation((*relations)[i], pointer_append("/relations", i)))
                relation_list.push_back(std::move(*r));

        check_references(statement_list, relation_list);
        if (has_errors_) return std::nullopt;

        // Validation passed: building cannot fail, but keep any model_error as a diagnostic.
        try {
            for (auto& a : actor_list) model.add_actor(std::move(a));
            for (auto& p : proposition_list) model.add_proposition(std::move(p));
            for (auto& s : statement_list) model.add_statement(std::move(s));
            for (auto& r : relation_list) model.relate(r.from, r.to, std::move(r.rel));
        } catch (const model_error& e) {
            error("", e.what());
            return std::nullopt;
        }
        return model;
    }

private:
    struct pending_relation {
        std::string pointer{};
        std::string from{};
        std::string to{};
        relation rel{};
    };

    // ---------------------------------------------------------------- objects
    std::optional<actor> read_actor(const ojson& v, const std::string& at) {
        if (!require_object(v, at)) return std::nullopt;
        check_keys(v, at, {"id", "name", "kind", "group", "prior"});
        actor a;
        a.id = required_id(v, at, "actor", actor_ids_);
        a.name = optional_string(v, at, "name");
        a.kind = optional_string(v, at, "kind");
        a.group = optional_string(v, at, "group");
        a.prior = optional_number(v, at, "prior", 0.0, 1.0, false);
        a.ext = extensions_of(v);
        return a;
    }

    std::optional<proposition> read_proposition(const ojson& v, const std::string& at) {
        if (!require_object(v, at)) return std::nullopt;
        check_keys(v, at, {"id", "text", "values", "exclusive"});
        proposition p;
        p.id = required_id(v, at, "proposition", proposition_ids_);
        p.text = optional_string(v, at, "text");
        if (const auto* values = member(v, "values")) {
            const auto vat = pointer_append(at, "values");
            if (!values->is_array()) {
                error(vat, "must be an array of strings, got " + json_type_name(*values));
            } else {
                std::vector<std::string> list;
                std::set<std::string> seen;
                for (std::size_t i = 0; i < values->size(); ++i) {
                    const auto& item = (*values)[i];
                    const auto iat = pointer_append(vat, i);
                    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
                        error(iat, "must be a non-empty string, got " + json_excerpt(item));
                        continue;
                    }
                    const auto& s = item.get_ref<const std::string&>();
                    if (!seen.insert(s).second) error(iat, "duplicate value \"" + printable(s) + "\"");
                    list.push_back(s);
                }
                if (values->empty()) error(vat, "must list at least one value (omit it for a yes/no proposition)");
                p.values = std::move(list);
            }
        }
        p.exclusive = optional_bool(v, at, "exclusive");
        p.ext = extensions_of(v);
        if (!p.id.empty()) declared_propositions_[p.id] = p.values;
        return p;
    }

    std::optional<statement> read_statement(const ojson& v, const std::string& at) {
        if (!require_object(v, at)) return std::nullopt;
        check_keys(v, at, {"id", "actor", "time", "text", "source", "base", "claim", "evidence", "interest"});
        statement s;
        s.id = required_id(v, at, "statement", statement_ids_);
        s.actor = optional_string(v, at, "actor");
        if (s.actor && s.actor->empty()) {
            error(pointer_append(at, "actor"), "must be a non-empty actor id");
            s.actor.reset();
        }
        if (s.actor) actor_refs_.push_back({pointer_append(at, "actor"), *s.actor});
        if (const auto time_text = optional_string(v, at, "time")) {
            std::string reason;
            s.time = time_point::try_parse(*time_text, reason);
            if (!s.time) error(pointer_append(at, "time"), reason);
        }
        s.text = optional_string(v, at, "text");
        s.source = optional_string(v, at, "source");
        s.base = optional_number(v, at, "base", 0.0, 1.0, false);
        if (const auto* c = member(v, "claim")) s.claim = read_claim(*c, pointer_append(at, "claim"));
        s.evidence = optional_enum<evidence_kind>(v, at, "evidence", {"claim", "testimony", "document", "finding"},
                                                  &parse_evidence_kind);
        s.interest = optional_enum<interest>(v, at, "interest", {"self-serving", "against-interest"}, &parse_interest);
        s.ext = extensions_of(v);
        return s;
    }

    std::optional<claim> read_claim(const ojson& v, const std::string& at) {
        if (!require_object(v, at)) return std::nullopt;
        check_keys(v, at, {"proposition", "value", "stance"});
        claim c;
        if (const auto* p = member(v, "proposition")) {
            if (!p->is_string() || p->get_ref<const std::string&>().empty())
                error(pointer_append(at, "proposition"), "must be a non-empty proposition id, got " + json_excerpt(*p));
            else
                c.proposition = p->get<std::string>();
        } else {
            error(at, "missing required key \"proposition\"");
        }
        c.value = optional_string(v, at, "value");
        if (const auto stance_text = optional_string(v, at, "stance")) {
            c.stance = parse_stance(*stance_text);
            if (!c.stance)
                error(pointer_append(at, "stance"), "must be \"asserts\", \"denies\" or \"reports\", got \"" +
                                                        printable(*stance_text) + "\"");
        }
        c.ext = extensions_of(v);
        if (!c.proposition.empty()) claim_refs_.push_back({at, c.proposition, c.value});
        return c;
    }

    std::optional<pending_relation> read_relation(const ojson& v, const std::string& at) {
        if (!require_object(v, at)) return std::nullopt;
        check_keys(v, at, {"from", "to", "type", "weight", "directed", "note"});
        pending_relation p;
        p.pointer = at;
        for (const char* end : {"from", "to"}) {
            std::string& id = std::string_view(end) == "from" ? p.from : p.to;
            if (const auto* e = member(v, end)) {
                if (!e->is_string() || e->get_ref<const std::string&>().empty())
                    error(pointer_append(at, end), "must be a non-empty statement id, got " + json_excerpt(*e));
                else
                    id = e->get<std::string>();
            } else {
                error(at, std::string("missing required key \"") + end + "\"");
            }
        }
        if (const auto* t = member(v, "type")) {
            const auto type = t->is_string() ? parse_relation_type(t->get_ref<const std::string&>()) : std::nullopt;
            if (!type)
                error(pointer_append(at, "type"), "must be \"supports\" or \"contradicts\", got " + json_excerpt(*t));
            else
                p.rel.type = *type;
        } else {
            error(at, "missing required key \"type\" (\"supports\" or \"contradicts\")");
        }
        p.rel.weight = optional_number(v, at, "weight", 0.0, 1.0, true);
        p.rel.directed = optional_bool(v, at, "directed");
        p.rel.note = optional_string(v, at, "note");
        p.rel.ext = extensions_of(v);
        return p;
    }

    // ---------------------------------------------------------------- cross references
    void check_references(const std::vector<statement>& statements,
                          const std::vector<pending_relation>& relations) {
        std::vector<std::string> actor_names, statement_names, proposition_names;
        for (const auto& [id, _] : actor_ids_) actor_names.push_back(id);
        for (const auto& [id, _] : statement_ids_) statement_names.push_back(id);
        for (const auto& [id, _] : proposition_ids_) proposition_names.push_back(id);
        std::sort(actor_names.begin(), actor_names.end());
        std::sort(statement_names.begin(), statement_names.end());
        std::sort(proposition_names.begin(), proposition_names.end());
        // Indexed once for every dangling reference (built on first use: most files have none).
        std::optional<closest_id_index> actor_lookup, statement_lookup, proposition_lookup;
        const std::vector<std::string_view> declared_views(proposition_names.begin(), proposition_names.end());
        std::optional<undeclared_proposition_hint> hint;
        const auto suggest = [&](std::optional<closest_id_index>& index, const std::vector<std::string>& names,
                                 const std::string& wanted) -> std::optional<std::string> {
            if (suggestions_left_ == 0) return std::nullopt;
            --suggestions_left_;
            if (!index) index.emplace(names);
            return index->closest(wanted);
        };

        for (const auto& ref : actor_refs_)
            if (!actor_ids_.contains(ref.id))
                dangling(ref.pointer, "actor", ref.id, suggest(actor_lookup, actor_names, ref.id));

        for (const auto& ref : claim_refs_) {
            const auto found = declared_propositions_.find(ref.proposition);
            const auto vat = pointer_append(ref.pointer, "value");
            if (found == declared_propositions_.end()) {
                // An undeclared proposition is a yes/no one; a value suggests a typo.
                if (ref.value) {
                    std::string message = "claim names value \"" + printable(*ref.value) +
                                          "\" of undeclared proposition \"" + printable(ref.proposition) +
                                          "\" (an undeclared proposition is yes/no and takes no value)";
                    if (auto near = suggest(proposition_lookup, proposition_names, ref.proposition))
                        message += "; did you mean proposition \"" + *near + "\"?";
                    error(pointer_append(ref.pointer, "proposition"), message);
                } else {
                    // Undeclared is allowed (an implicit yes/no proposition), but one or two
                    // edits from a declared id is far more likely a typo that would split the
                    // evidence on one question in two.
                    if (!hint) hint.emplace(declared_views);
                    if (const auto near = hint->near(ref.proposition))
                        warning(pointer_append(ref.pointer, "proposition"),
                                undeclared_proposition_hint::message(ref.proposition, *near));
                }
                continue;
            }
            const auto& values = found->second;
            if (values && !ref.value) {
                error(ref.pointer, "missing required key \"value\": proposition \"" +
                                       printable(ref.proposition) + "\" declares values");
            } else if (!values && ref.value) {
                error(vat, "proposition \"" + printable(ref.proposition) +
                               "\" is yes/no (declares no values): use \"stance\" instead of \"value\"");
            } else if (values && ref.value &&
                       std::find(values->begin(), values->end(), *ref.value) == values->end()) {
                std::string message = "unknown value \"" + printable(*ref.value) + "\" of proposition \"" +
                                      printable(ref.proposition) + "\"";
                if (suggestions_left_ > 0) {
                    --suggestions_left_;
                    if (auto near = closest_id(*ref.value, *values)) message += "; did you mean \"" + *near + "\"?";
                }
                error(vat, message);
            }
        }

        std::map<std::tuple<std::string, std::string, relation_type>, std::string> seen;
        for (const auto& r : relations) {
            bool ok = true;
            if (!r.from.empty() && !statement_ids_.contains(r.from)) {
                dangling(pointer_append(r.pointer, "from"), "statement", r.from,
                         suggest(statement_lookup, statement_names, r.from));
                ok = false;
            }
            if (!r.to.empty() && !statement_ids_.contains(r.to)) {
                dangling(pointer_append(r.pointer, "to"), "statement", r.to,
                         suggest(statement_lookup, statement_names, r.to));
                ok = false;
            }
            if (!ok || r.from.empty() || r.to.empty()) continue;
            if (r.from == r.to)
                warning(r.pointer, "statement \"" + printable(r.from) + "\" is related to itself");
            // A mutual contradiction is the same relation in either direction.
            const bool mutual = !r.rel.is_directed();
            auto key = std::make_tuple(mutual ? std::min(r.from, r.to) : r.from,
                                       mutual ? std::max(r.from, r.to) : r.to, r.rel.type);
            if (const auto [it, inserted] = seen.emplace(key, r.pointer); !inserted)
                warning(r.pointer, "duplicate relation: same " + std::string(to_string(r.rel.type)) +
                                       " relation as " + it->second);
        }
        (void)statements;
    }

    void dangling(const std::string& at, const char* kind, const std::string& id,
                  const std::optional<std::string>& near) {
        std::string message = std::string("unknown ") + kind + " \"" + printable(id) + "\"";
        if (near) message += "; did you mean \"" + *near + "\"?";
        error(at, message);
    }

    // ---------------------------------------------------------------- fields
    // The array under `key`, or nullptr when absent (an error when required) or not an array.
    const ojson* array_member(const ojson& obj, const std::string& at, const char* key, bool required) {
        const auto* m = member(obj, key);
        if (!m) {
            if (required) error(at, std::string("missing required key \"") + key + "\" (it may be an empty array)");
            return nullptr;
        }
        if (!m->is_array()) {
            error(pointer_append(at, key), "must be an array, got " + json_type_name(*m));
            return nullptr;
        }
        return m;
    }

    static const ojson* member(const ojson& obj, const char* key) {
        const auto it = obj.find(key);
        return it == obj.end() ? nullptr : &*it;
    }

    bool require_object(const ojson& v, const std::string& at) {
        if (v.is_object()) return true;
        error(at, "must be an object, got " + json_type_name(v));
        return false;
    }

    void check_keys(const ojson& obj, const std::string& at, std::initializer_list<std::string_view> known) {
        for (const auto& [key, _] : obj.items()) {
            if (is_extension_key(key)) continue;
            if (std::find(known.begin(), known.end(), key) != known.end()) continue;
            std::string message = "unknown key \"" + printable(key) + "\"";
            std::vector<std::string> names(known.begin(), known.end());
            if (auto near = closest_id(key, names)) message += "; did you mean \"" + *near + "\"?";
            message += " (extension keys must begin with \"x-\")";
            error(pointer_append(at, key), message);
        }
    }

    static extensions extensions_of(const ojson& obj) {
        extensions ext = extensions::object();
        for (const auto& [key, value] : obj.items())
            if (is_extension_key(key)) ext[key] = value;
        return ext;
    }

    std::string required_id(const ojson& v, const std::string& at, const char* kind,
                            std::unordered_map<std::string, std::string>& ids) {
        const auto* id = member(v, "id");
        const auto iat = pointer_append(at, "id");
        if (!id) {
            error(at, "missing required key \"id\"");
            return {};
        }
        if (!id->is_string()) {
            error(iat, "must be a string, got " + json_type_name(*id));
            return {};
        }
        const auto& s = id->get_ref<const std::string&>();
        if (s.empty()) {
            error(iat, std::string(kind) + " id must not be empty");
            return {};
        }
        if (const auto [it, inserted] = ids.emplace(s, iat); !inserted) {
            error(iat, std::string("duplicate ") + kind + " id \"" + printable(s) + "\" (first at " +
                           it->second + ")");
            return {};
        }
        return s;
    }

    std::optional<std::string> optional_string(const ojson& v, const std::string& at, const char* key) {
        const auto* m = member(v, key);
        if (!m) return std::nullopt;
        if (!m->is_string()) {
            error(pointer_append(at, key), "must be a string, got " + json_type_name(*m));
            return std::nullopt;
        }
        return m->get<std::string>();
    }

    // One of a fixed list of spellings; a near miss is suggested.
    template <class Enum>
    std::optional<Enum> optional_enum(const ojson& v, const std::string& at, const char* key,
                                      const std::vector<std::string>& spellings,
                                      std::optional<Enum> (*parse)(std::string_view) noexcept) {
        const auto text = optional_string(v, at, key);
        if (!text) return std::nullopt;
        if (const auto e = parse(*text)) return e;
        std::string valid{};
        for (const auto& sp : spellings) valid += (valid.empty() ? "\"" : ", \"") + sp + "\"";
        std::string message = "must be one of " + valid + ", got \"" + printable(*text) + "\"";
        if (auto near = closest_id(*text, spellings)) message += "; did you mean \"" + *near + "\"?";
        error(pointer_append(at, key), message);
        return std::nullopt;
    }

    std::optional<bool> optional_bool(const ojson& v, const std::string& at, const char* key) {
        const auto* m = member(v, key);
        if (!m) return std::nullopt;
        if (!m->is_boolean()) {
            error(pointer_append(at, key), "must be true or false, got " + json_excerpt(*m));
            return std::nullopt;
        }
        return m->get<bool>();
    }

    // A number in [lo, hi], or (lo, hi] when `open_low`.
    std::optional<double> optional_number(const ojson& v, const std::string& at, const char* key,
                                          double lo, double hi, bool open_low) {
        const auto* m = member(v, key);
        if (!m) return std::nullopt;
        const std::string range = std::string(open_low ? "(" : "[") + format_number(lo) + ", " + format_number(hi) + "]";
        if (!m->is_number()) {
            error(pointer_append(at, key), "must be a number in " + range + ", got " + json_excerpt(*m));
            return std::nullopt;
        }
        const double x = m->get<double>();
        const bool low_ok = open_low ? x > lo : x >= lo;
        if (!std::isfinite(x) || !low_ok || !(x <= hi)) {
            error(pointer_append(at, key), "must be a number in " + range + ", got " + m->dump());
            return std::nullopt;
        }
        return x;
    }

    static std::string format_number(double x) {
        return x == std::floor(x) && std::abs(x) < 1e15 ? std::to_string(static_cast<long long>(x)) : ojson(x).dump();
    }

    void error(std::string at, std::string message) {
        has_errors_ = true;
        out_.push_back({.severity = severity::error, .source = source_,
                        .location = std::move(at), .message = std::move(message)});
    }
    void warning(std::string at, std::string message) {
        out_.push_back({.severity = severity::warning, .source = source_, .location = std::move(at),
                        .message = std::move(message)});
    }

    struct id_ref {
        std::string pointer{};
        std::string id{};
    };
    struct claim_ref {
        std::string pointer{};
        std::string proposition{};
        std::optional<std::string> value{};
    };

    std::string source_;
    std::vector<diagnostic>& out_;
    std::size_t suggestions_left_ = 0;
    bool has_errors_ = false;
    std::unordered_map<std::string, std::string> actor_ids_{}, proposition_ids_{}, statement_ids_{};
    std::unordered_map<std::string, std::optional<std::vector<std::string>>> declared_propositions_{};
    std::vector<id_ref> actor_refs_{};
    std::vector<claim_ref> claim_refs_{};
};

}  // namespace detail

// =====================================================================================

namespace detail {

/// The located pass alone: a document is built and validated, and every problem is reported
/// with its position. check_case runs it when the fast path gives up.
[[nodiscard]] inline check_result check_case_located(std::string_view text, std::string source,
                                                     const read_options& options = {}) {
    check_result result;
    auto doc = json_parser(text, source, options, result.diagnostics).parse();
    if (!doc || result.error_count() > 0) return result;
    result.model = case_validator(std::move(source), result.diagnostics, options).run(*doc);
    return result;
}

/// check_case for a text followed by `capacity - text.size()` readable bytes (the fast path
/// needs simdjson::SIMDJSON_PADDING of them, else it copies the text).
[[nodiscard]] inline check_result check_case_padded(std::string_view text, std::size_t capacity, std::string source,
                                                    const read_options& options = {}) {
    if (auto fast = fast_case_reader(source, options.max_string_bytes, options.max_depth)
                        .run(text.data(), text.size(), capacity)) {
        check_result result;
        result.model = std::move(fast->first);
        result.diagnostics = std::move(fast->second);
        return result;
    }
    return check_case_located(text, std::move(source), options);
}

/// check_case_padded for a text the caller gives up (`capacity` as there): the text is released
/// once the fast path has read it, before the model is built, so that a large file's text and
/// its model are never in memory together (the text of a million statements is 0.8 GB). When no
/// model is built, `text` is left as it was given, for the caller to try other formats on it.
[[nodiscard]] inline check_result check_case_releasing(std::string& text, std::size_t capacity, std::string source,
                                                       const read_options& options = {}) {
    fast_case_reader fast(source, options.max_string_bytes, options.max_depth);
    if (!fast.read(text.data(), text.size(), capacity)) return check_case_located(text, std::move(source), options);
    std::string().swap(text);
    check_result result;
    try {
        auto [model, warnings] = fast.build();
        result.model = std::move(model);
        result.diagnostics = std::move(warnings);
    } catch (const model_error& e) {
        // What the located pass would report: the text passed every check, and the model refused it.
        result.diagnostics.push_back(
            {.severity = severity::error, .source = std::move(source), .location = "", .message = e.what()});
    }
    return result;
}

}  // namespace detail

inline check_result check_case(std::string_view text, std::string source, const read_options& options) {
    return detail::check_case_padded(text, text.size(), std::move(source), options);
}

inline case_model read_case(std::string_view text, std::string source, const read_options& options) {
    auto result = check_case(text, std::move(source), options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

inline case_model read_case_file(const std::filesystem::path& path, const read_options& options) {
    std::string text = read_text_file(path);  // with spare capacity for the fast path
    auto result = detail::check_case_releasing(text, text.capacity(), path.string(), options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

inline nlohmann::ordered_json to_json(const case_model& c) {
    using detail::ojson;
    const auto put_ext = [](ojson& obj, const extensions& ext) {
        for (const auto& [key, value] : ext.items()) obj[key] = value;
    };
    ojson doc = ojson::object();
    doc["format"] = case_format_v1;
    if (c.info().title) doc["title"] = *c.info().title;
    if (c.info().description) doc["description"] = *c.info().description;
    put_ext(doc, c.info().ext);

    ojson actors = ojson::array();
    for (const auto& a : c.actors()) {
        ojson o = {{"id", a.id}};
        if (a.name) o["name"] = *a.name;
        if (a.kind) o["kind"] = *a.kind;
        if (a.group) o["group"] = *a.group;
        if (a.prior) o["prior"] = *a.prior;
        put_ext(o, a.ext);
        actors.push_back(std::move(o));
    }
    doc["actors"] = std::move(actors);

    ojson propositions = ojson::array();
    for (const auto& p : c.propositions()) {
        ojson o = {{"id", p.id}};
        if (p.text) o["text"] = *p.text;
        if (p.values) o["values"] = *p.values;
        if (p.exclusive) o["exclusive"] = *p.exclusive;
        put_ext(o, p.ext);
        propositions.push_back(std::move(o));
    }
    doc["propositions"] = std::move(propositions);

    ojson statements = ojson::array();
    for (std::size_t v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        ojson o = {{"id", s.id}};
        if (s.actor) o["actor"] = *s.actor;
        if (s.time) o["time"] = s.time->text();
        if (s.text) o["text"] = *s.text;
        if (s.source) o["source"] = *s.source;
        if (s.base) o["base"] = *s.base;
        if (s.evidence) o["evidence"] = to_string(*s.evidence);
        if (s.interest) o["interest"] = to_string(*s.interest);
        if (s.claim) {
            ojson cl = {{"proposition", s.claim->proposition}};
            if (s.claim->value) cl["value"] = *s.claim->value;
            if (s.claim->stance) cl["stance"] = to_string(*s.claim->stance);
            put_ext(cl, s.claim->ext);
            o["claim"] = std::move(cl);
        }
        put_ext(o, s.ext);
        statements.push_back(std::move(o));
    }
    doc["statements"] = std::move(statements);

    ojson relations = ojson::array();
    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.provenance != provenance::asserted) continue;
        ojson o = {{"from", c.statement_at(c.source(e)).id},
                   {"to", c.statement_at(c.target(e)).id},
                   {"type", to_string(r.type)}};
        if (r.weight) o["weight"] = *r.weight;
        if (r.directed) o["directed"] = *r.directed;
        if (r.note) o["note"] = *r.note;
        put_ext(o, r.ext);
        relations.push_back(std::move(o));
    }
    doc["relations"] = std::move(relations);
    return doc;
}

inline std::string write_case(const case_model& c) {
    try {
        return to_json(c).dump(2) + "\n";
    } catch (const nlohmann::json::exception& e) {
        // Only strings built in code can be ill-formed UTF-8; files are checked when read.
        throw model_error(std::string("cannot write the case: ") + e.what());
    }
}

inline void write_case_file(const case_model& c, const std::filesystem::path& path) {
    write_text_file_atomically(path, write_case(c));
}

}  // namespace narrative
