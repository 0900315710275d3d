// SPDX-License-Identifier: MIT
#pragma once
// The fast path of reading a case file: one pass of simdjson's On-Demand parser that builds the
// model directly, for the files that are valid. It gives up at the first thing that is not
// plainly valid (any error, anything it does not handle), and the reader then runs the located
// pass (case_json.hpp), which reports every problem with its position. Where the fast path
// finishes, it gives the same model and the same warnings as the located pass: the tests
// compare the two on every file of the test corpora.

#include <narrative/detail/closest_id.hpp>
#include <narrative/detail/json_pointer.hpp>
#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace narrative {

struct read_options;
struct check_result;

namespace detail {

/// The warning for a claim on an undeclared proposition that is one or two edits from a
/// declared one (more likely a typo than a new yes/no question): the closest declared id,
/// the first in sorted order of equals; answers are remembered per name.
class undeclared_proposition_hint {
public:
    /// `declared` must outlive this object.
    explicit undeclared_proposition_hint(const std::vector<std::string_view>& declared) {
        sorted_ = declared;
        std::sort(sorted_.begin(), sorted_.end());
        index_ = closest_id_index(sorted_);
    }

    [[nodiscard]] std::optional<std::string> near(std::string_view undeclared) {
        if (sorted_.empty()) return std::nullopt;
        const auto [it, inserted] = cache_.try_emplace(undeclared);
        if (inserted) {
            if (const auto found = index_.nearest_within(undeclared, 2)) it->second = std::string(*found);
        }
        return it->second;
    }

    [[nodiscard]] static std::string message(std::string_view undeclared, const std::string& near) {
        return "proposition \"" + printable(undeclared) +
               "\" is not declared (it becomes a yes/no proposition of its own); did you mean \"" + near + "\"?";
    }

private:
    std::vector<std::string_view> sorted_{};
    closest_id_index index_{};
    std::unordered_map<std::string_view, std::optional<std::string>> cache_{};
};

/// Statement ids to indices, for the tens of millions of lookups of a large case: open
/// addressing with linear probing over (hash, index) slots, the keys compared through `ids`
/// (one cache miss per lookup where a node-based map takes three).
class id_table {
public:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    void reserve(std::size_t n) {
        std::size_t capacity = 16;
        while (capacity < 2 * n) capacity <<= 1;
        if (capacity > slots_.size()) rehash(capacity);
    }

    /// Adds `ids[index]`; false when the id is there already.
    bool insert(std::uint32_t index, const std::vector<std::string_view>& ids) {
        if (2 * (count_ + 1) > slots_.size()) rehash(std::max<std::size_t>(16, 2 * slots_.size()));
        const std::string_view id = ids[index];
        const std::uint64_t h = std::hash<std::string_view>{}(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            if (slots_[i].index == none) {
                slots_[i].hash = h;
                slots_[i].index = index;
                slots_[i].length = static_cast<std::uint32_t>(std::min<std::size_t>(id.size(), none));
                std::memcpy(slots_[i].key, id.data(), std::min(id.size(), inline_bytes));
                ++count_;
                return true;
            }
            if (matches(slots_[i], h, id, ids)) return false;
        }
    }

    [[nodiscard]] std::uint32_t find(std::string_view id, const std::vector<std::string_view>& ids) const {
        if (slots_.empty()) return none;
        const std::uint64_t h = std::hash<std::string_view>{}(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            if (slots_[i].index == none) return none;
            if (matches(slots_[i], h, id, ids)) return slots_[i].index;
        }
    }

    /// Asks for the memory a find(id) will read first (a hint; resolving ids a few places
    /// ahead of their lookups hides most of the wait for memory in a table of millions).
    void prefetch(std::string_view id) const noexcept {
        if (slots_.empty()) return;
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(&slots_[std::hash<std::string_view>{}(id) & mask_]);
#endif
    }

private:
    // Ids this short are compared in the slot itself: a lookup then touches one cache line
    // instead of three (slot, id list, document text), which is most of the cost at a million
    // statements.
    static constexpr std::size_t inline_bytes = 16;
    struct slot {
        std::uint64_t hash = 0;
        std::uint32_t index = none;
        std::uint32_t length = 0;
        char key[inline_bytes] = {};
    };
    [[nodiscard]] static bool matches(const slot& s, std::uint64_t h, std::string_view id,
                                      const std::vector<std::string_view>& ids) {
        if (s.hash != h || s.length != id.size()) return false;
        if (id.size() <= inline_bytes) return std::memcmp(s.key, id.data(), id.size()) == 0;
        return ids[s.index] == id;
    }
    void rehash(std::size_t capacity) {
        std::vector<slot> old(capacity);
        old.swap(slots_);
        mask_ = capacity - 1;
        for (const slot& s : old) {
            if (s.index == none) continue;
            std::size_t i = s.hash & mask_;
            while (slots_[i].index != none) i = (i + 1) & mask_;
            slots_[i] = s;
        }
    }
    std::vector<slot> slots_{};
    std::size_t count_ = 0;
    std::size_t mask_ = 0;
};

/// Reads a case in one pass; nullopt when the text is not plainly valid.
class fast_case_reader {
public:
    fast_case_reader(std::string_view source, std::size_t max_string_bytes, std::size_t max_depth)
        : source_(source), max_string_bytes_(max_string_bytes), max_depth_(max_depth) {}

    /// `text` must be followed by at least SIMDJSON_PADDING readable bytes (`capacity` counts
    /// them); otherwise it is copied into a padded buffer first.
    std::optional<std::pair<case_model, std::vector<diagnostic>>> run(const char* text, std::size_t size,
                                                                      std::size_t capacity) {
        if (!read(text, size, capacity)) return std::nullopt;
        try {
            return build();
        } catch (const model_error&) {
            return std::nullopt;  // the located pass reports it
        }
    }

    /// The first half of run(): reads and checks the text, keeping what the model needs; the
    /// text is not used after it. False when the text is not plainly valid.
    bool read(const char* text, std::size_t size, std::size_t capacity) {
        // Arrays and objects of a case nest four deep (root, statements, statement, claim) and
        // values five: tighter limits are left to the located pass.
        if (max_depth_ < 5) return false;
        std::optional<simdjson::padded_string> copy;
        if (capacity < size + simdjson::SIMDJSON_PADDING) {
            copy.emplace(text, size);
            text = copy->data();
        }
        {
            simdjson::ondemand::parser parser;
            simdjson::ondemand::document doc;
            if (parser.iterate(simdjson::padded_string_view(text, size, size + simdjson::SIMDJSON_PADDING)).get(doc))
                return false;
            if (!read_document(doc)) return false;
            if (!check_references()) return false;
            // Owned copies of what refers into the parser's buffers are made; it is released here.
            unresolved_ends_.clear();
            unresolved_ends_.shrink_to_fit();
            statement_table_ = id_table();
            std::vector<std::string_view>().swap(statement_ids_);
            actor_index_.clear();
            proposition_index_.clear();
        }
        return true;
    }

    /// The second half of run(), after a read() that returned true: the model and the
    /// warnings. Throws model_error where the model refuses what was read.
    std::pair<case_model, std::vector<diagnostic>> build() {
        case_model model;
        model.info().title = std::move(title_);
        model.info().description = std::move(description_);
        model.info().ext = std::move(info_ext_);
        for (auto& a : actors_) model.add_actor(std::move(a));
        for (auto& p : propositions_) model.add_proposition(std::move(p));
        model.reserve_statements(statements_.size());
        for (auto& s : statements_) model.add_statement(std::move(s));
        std::vector<actor>().swap(actors_);
        std::vector<statement>().swap(statements_);
        {
            std::vector<std::uint32_t> out_added(model.statement_count(), 0), in_added(model.statement_count(), 0);
            for (const auto& r : relations_) {
                ++out_added[r.from];
                ++in_added[r.to];
            }
            model.reserve_relations(out_added, in_added);
        }
        model.relate_all(
            relations_.size(),
            [this](std::size_t i) { return std::pair<statement_index, statement_index>(relations_[i].from, relations_[i].to); },
            [this](std::size_t i) {
                const compact_relation& r = relations_[i];
                relation rel;
                rel.type = r.type;
                if (!std::isnan(r.weight)) rel.weight = r.weight;
                if (r.directed >= 0) rel.directed = r.directed == 1;
                if (r.extra != none) {
                    rel.note = std::move(relation_extras_[r.extra].note);
                    rel.ext = std::move(relation_extras_[r.extra].ext);
                }
                return rel;
            });
        std::vector<compact_relation>().swap(relations_);
        return {std::move(model), std::move(diagnostics_)};
    }

private:
    using value = simdjson::ondemand::value;
    using object = simdjson::ondemand::object;

    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    // A relation as read: statement indices (or `none` until the statements are known), the
    // asserted fields, and an index into `relation_extras_` when it has a note or x- keys.
    struct compact_relation {
        std::uint32_t from = none;
        std::uint32_t to = none;
        double weight = std::numeric_limits<double>::quiet_NaN();  // NaN: unset
        std::uint32_t extra = none;
        relation_type type = relation_type::supports;
        std::int8_t directed = -1;  // -1 unset, 0 false, 1 true
    };
    struct relation_extra {
        std::optional<std::string> note{};
        extensions ext = extensions::object();
    };

    // The known keys of an object seen so far (a bit each) and its x- keys, for duplicates.
    class key_set {
    public:
        bool add_known(unsigned bit) {
            const std::uint32_t mask = std::uint32_t{1} << bit;
            if (known_ & mask) return false;
            known_ |= mask;
            return true;
        }
        bool add_extension(std::string_view key) {
            if (std::find(extensions_.begin(), extensions_.end(), key) != extensions_.end()) return false;
            extensions_.push_back(key);
            return true;
        }

    private:
        std::uint32_t known_ = 0;
        std::vector<std::string_view> extensions_{};
    };

    // The bit of `key` among `known`, or -1.
    template <std::size_t N>
    static int key_bit(std::string_view key, const std::string_view (&known)[N]) {
        for (std::size_t i = 0; i < N; ++i)
            if (known[i] == key) return static_cast<int>(i);
        return -1;
    }

    // ---------------------------------------------------------------- scalars
    // A string value within the size limit and free of raw control characters (simdjson does
    // not reject those; the JSON grammar does).
    bool get_string(value v, std::string_view& out) {
        const std::string_view raw = v.raw_json_token();
        if (v.get_string().get(out)) return false;
        if (out.size() > max_string_bytes_) return false;
        return !has_control_character(out) || raw_string_is_clean(raw);
    }
    bool get_nonempty_string(value v, std::string& out) {
        std::string_view s;
        if (!get_string(v, s) || s.empty()) return false;
        out.assign(s);
        return true;
    }
    bool get_optional_string(value v, std::optional<std::string>& out) {
        std::string_view s;
        if (!get_string(v, s)) return false;
        out.emplace(s);
        return true;
    }
    static bool has_control_character(std::string_view s) {
        for (const char c : s)
            if (static_cast<unsigned char>(c) < 0x20) return true;
        return false;
    }
    // The raw token of a string, from its opening quote to its closing one, has no byte below
    // 0x20 (escaped control characters are fine).
    static bool raw_string_is_clean(std::string_view raw) {
        for (std::size_t i = 1; i < raw.size(); ++i) {
            const auto c = static_cast<unsigned char>(raw[i]);
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '"') return true;
            if (c < 0x20) return false;
        }
        return false;
    }

    // A number as the located pass reads it (nlohmann reads an integer literal as an integer,
    // so "-0" is +0 there, while simdjson keeps the sign).
    static bool get_number(value v, double& out) {
        const std::string_view raw = v.raw_json_token();
        if (v.get_double().get(out)) return false;
        if (out == 0.0 && raw.find_first_of(".eE") == std::string_view::npos) out = 0.0;
        return true;
    }
    static bool get_number_in(value v, double lo, double hi, bool open_low, std::optional<double>& out) {
        double x = 0;
        if (!get_number(v, x)) return false;
        const bool low_ok = open_low ? x > lo : x >= lo;
        if (!std::isfinite(x) || !low_ok || !(x <= hi)) return false;
        out = x;
        return true;
    }
    static bool get_bool(value v, std::optional<bool>& out) {
        bool b = false;
        if (v.get_bool().get(b)) return false;
        out = b;
        return true;
    }

    // Any JSON value as nlohmann's, for x- keys. `depth` is the nesting level of `v`'s parent.
    bool to_json(value v, nlohmann::ordered_json& out, std::size_t depth) {
        simdjson::ondemand::json_type type;
        if (v.type().get(type)) return false;
        switch (type) {
            case simdjson::ondemand::json_type::object: {
                if (depth >= max_depth_) return false;
                object o;
                if (v.get_object().get(o)) return false;
                out = nlohmann::ordered_json::object();
                for (auto field_result : o) {
                    simdjson::ondemand::field field;
                    std::string_view key;
                    if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
                    if (has_control_character(key) || out.contains(key)) return false;
                    if (!to_json(field.value(), out[std::string(key)], depth + 1)) return false;
                }
                return true;
            }
            case simdjson::ondemand::json_type::array: {
                if (depth >= max_depth_) return false;
                simdjson::ondemand::array a;
                if (v.get_array().get(a)) return false;
                out = nlohmann::ordered_json::array();
                for (auto element : a) {
                    value e;
                    if (std::move(element).get(e)) return false;
                    nlohmann::ordered_json item;
                    if (!to_json(e, item, depth + 1)) return false;
                    out.push_back(std::move(item));
                }
                return true;
            }
            case simdjson::ondemand::json_type::string: {
                std::string_view s;
                if (!get_string(v, s)) return false;
                out = std::string(s);
                return true;
            }
            case simdjson::ondemand::json_type::number: {
                // nlohmann's own reading of the literal keeps integer/float kinds as the
                // located pass has them.
                std::string_view raw = v.raw_json_token();
                while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
                    raw.remove_suffix(1);
                out = nlohmann::ordered_json::parse(raw, nullptr, false);
                return !out.is_discarded() && out.is_number();
            }
            case simdjson::ondemand::json_type::boolean: {
                bool b = false;
                if (v.get_bool().get(b)) return false;
                out = b;
                return true;
            }
            case simdjson::ondemand::json_type::null: {
                bool is_null = false;
                if (v.is_null().get(is_null) || !is_null) return false;
                out = nullptr;
                return true;
            }
        }
        return false;
    }

    // An x- key of an object at nesting level `depth`: unique, its value converted.
    bool read_extension(std::string_view key, value v, key_set& seen, extensions& ext, std::size_t depth) {
        if (has_control_character(key) || !seen.add_extension(key)) return false;
        return to_json(v, ext[std::string(key)], depth);
    }

    // The fields of an element object: x- keys into `ext` (at nesting level `depth`), every
    // other key through `field(bit, value)`, bit its index in `known`. False when `v` is not an
    // object, on an unknown or repeated key, or on a value `field` refuses; `seen` keeps the
    // keys for the caller's checks of required ones.
    template <std::size_t N, class Field>
    bool read_fields(value v, const std::string_view (&known)[N], key_set& seen, extensions& ext,
                     std::size_t depth, Field&& field) {
        object o;
        if (v.get_object().get(o)) return false;
        for (auto field_result : o) {
            simdjson::ondemand::field f;
            std::string_view key;
            if (std::move(field_result).get(f) || f.unescaped_key().get(key)) return false;
            value fv = f.value();
            if (is_extension_key(key)) {
                if (!read_extension(key, fv, seen, ext, depth)) return false;
                continue;
            }
            const int bit = key_bit(key, known);
            if (bit < 0 || !seen.add_known(static_cast<unsigned>(bit)) || !field(bit, fv)) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- objects
    bool read_document(simdjson::ondemand::document& doc) {
        object root;
        if (doc.get_object().get(root)) return false;
        static constexpr std::string_view known[] = {"format", "title", "description", "actors",
                                                     "propositions", "statements", "relations"};
        key_set seen;
        for (auto field_result : root) {
            simdjson::ondemand::field field;
            std::string_view key;
            if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
            value v = field.value();
            if (is_extension_key(key)) {
                if (!read_extension(key, v, seen, info_ext_, 1)) return false;
                continue;
            }
            const int bit = key_bit(key, known);
            if (bit < 0 || !seen.add_known(static_cast<unsigned>(bit))) return false;
            switch (bit) {
                case 0: {
                    std::string_view format;
                    if (!get_string(v, format) || format != case_format_v1) return false;
                    break;
                }
                case 1:
                    if (!get_optional_string(v, title_)) return false;
                    break;
                case 2:
                    if (!get_optional_string(v, description_)) return false;
                    break;
                case 3:
                    if (!read_array(v, [this](value e) { return read_actor(e); })) return false;
                    break;
                case 4:
                    if (!read_array(v, [this](value e) { return read_proposition(e); })) return false;
                    break;
                case 5: {
                    // Counted first (a structural scan), so that nothing grows by copying.
                    simdjson::ondemand::array a;
                    std::size_t count = 0;
                    if (v.get_array().get(a) || a.count_elements().get(count)) return false;
                    statements_.reserve(count);
                    statement_ids_.reserve(count);
                    statement_table_.reserve(count);
                    if (!read_elements(a, [this](value e) { return read_statement(e); })) return false;
                    break;
                }
                default: {
                    simdjson::ondemand::array a;
                    std::size_t count = 0;
                    if (v.get_array().get(a) || a.count_elements().get(count)) return false;
                    relations_.reserve(count);
                    unresolved_ends_.reserve(count);
                    if (!read_elements(a, [this](value e) { return read_relation(e); }))
                        return false;
                    break;
                }
            }
        }
        // "format" and "statements" are required; nothing may follow the root object.
        if (seen.add_known(0) || seen.add_known(5)) return false;
        return doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
    }

    template <class Read>
    static bool read_array(value v, Read read) {
        simdjson::ondemand::array a;
        if (v.get_array().get(a)) return false;
        return read_elements(a, read);
    }
    template <class Read>
    static bool read_elements(simdjson::ondemand::array& a, Read read) {
        for (auto element : a) {
            value e;
            if (std::move(element).get(e) || !read(e)) return false;
        }
        return true;
    }

    bool read_actor(value v) {
        static constexpr std::string_view known[] = {"id", "name", "kind", "group", "prior"};
        actor a;
        std::string_view id;
        key_set seen;
        const bool read = read_fields(v, known, seen, a.ext, 3, [&](int bit, value fv) {
            bool ok = false;
            switch (bit) {
                case 0: ok = get_string(fv, id) && !id.empty(); break;
                case 1: ok = get_optional_string(fv, a.name); break;
                case 2: ok = get_optional_string(fv, a.kind); break;
                case 3: ok = get_optional_string(fv, a.group); break;
                default: ok = get_number_in(fv, 0.0, 1.0, false, a.prior); break;
            }
            return ok;
        });
        if (!read) return false;
        if (id.empty()) return false;
        if (!actor_index_.emplace(id, static_cast<std::uint32_t>(actors_.size())).second) return false;
        a.id.assign(id);
        actors_.push_back(std::move(a));
        return true;
    }

    bool read_proposition(value v) {
        static constexpr std::string_view known[] = {"id", "text", "values", "exclusive"};
        proposition p;
        std::string_view id;
        key_set seen;
        const bool read = read_fields(v, known, seen, p.ext, 3, [&](int bit, value fv) {
            bool ok = false;
            switch (bit) {
                case 0: ok = get_string(fv, id) && !id.empty(); break;
                case 1: ok = get_optional_string(fv, p.text); break;
                case 2: ok = read_values(fv, p.values); break;
                default: ok = get_bool(fv, p.exclusive); break;
            }
            return ok;
        });
        if (!read) return false;
        if (id.empty()) return false;
        if (!proposition_index_.emplace(id, static_cast<std::uint32_t>(propositions_.size())).second) return false;
        p.id.assign(id);
        propositions_.push_back(std::move(p));
        return true;
    }

    bool read_values(value v, std::optional<std::vector<std::string>>& out) {
        std::vector<std::string> list;
        if (!read_array(v, [&](value e) {
                std::string s;
                if (!get_nonempty_string(e, s)) return false;
                if (std::find(list.begin(), list.end(), s) != list.end()) return false;
                list.push_back(std::move(s));
                return true;
            }))
            return false;
        if (list.empty()) return false;
        out = std::move(list);
        return true;
    }

    bool read_statement(value v) {
        static constexpr std::string_view known[] = {"id", "actor", "time", "text", "source",
                                                     "base", "claim", "evidence", "interest"};
        statement s;
        std::string_view id;
        key_set seen;
        const bool read = read_fields(v, known, seen, s.ext, 3, [&](int bit, value fv) {
            bool ok = false;
            switch (bit) {
                case 0:
                    ok = get_string(fv, id) && !id.empty();
                    break;
                case 1: {
                    std::string a;
                    ok = get_nonempty_string(fv, a);
                    s.actor = std::move(a);
                    break;
                }
                case 2: {
                    std::string_view text;
                    std::string reason;
                    ok = get_string(fv, text) && (s.time = time_point::try_parse(text, reason)).has_value();
                    break;
                }
                case 3: ok = get_optional_string(fv, s.text); break;
                case 4: ok = get_optional_string(fv, s.source); break;
                case 5: ok = get_number_in(fv, 0.0, 1.0, false, s.base); break;
                case 6: ok = read_claim(fv, s.claim); break;
                case 7: {
                    std::string_view text;
                    ok = get_string(fv, text) && (s.evidence = parse_evidence_kind(text)).has_value();
                    break;
                }
                default: {
                    std::string_view text;
                    ok = get_string(fv, text) && (s.interest = parse_interest(text)).has_value();
                    break;
                }
            }
            return ok;
        });
        if (!read) return false;
        if (id.empty()) return false;
        statement_ids_.push_back(id);
        if (!statement_table_.insert(static_cast<std::uint32_t>(statements_.size()), statement_ids_)) return false;
        s.id.assign(id);
        statements_.push_back(std::move(s));
        return true;
    }

    bool read_claim(value v, std::optional<claim>& out) {
        static constexpr std::string_view known[] = {"proposition", "value", "stance"};
        claim c;
        key_set seen;
        const bool read = read_fields(v, known, seen, c.ext, 4, [&](int bit, value fv) {
            bool ok = false;
            switch (bit) {
                case 0: ok = get_nonempty_string(fv, c.proposition); break;
                case 1: ok = get_optional_string(fv, c.value); break;
                default: {
                    std::string_view text;
                    ok = get_string(fv, text) && (c.stance = parse_stance(text)).has_value();
                    break;
                }
            }
            return ok;
        });
        if (!read) return false;
        if (c.proposition.empty()) return false;
        out = std::move(c);
        return true;
    }

    bool read_relation(value v) {
        static constexpr std::string_view known[] = {"from", "to", "type", "weight", "directed", "note"};
        compact_relation r;
        std::string_view ends[2];
        relation_extra extra;
        bool has_extra = false;
        key_set seen;
        const bool read = read_fields(v, known, seen, extra.ext, 3, [&](int bit, value fv) {
            bool ok = false;
            switch (bit) {
                case 0:
                case 1:
                    ok = get_string(fv, ends[bit]) && !ends[bit].empty();
                    break;
                case 2: {
                    std::string_view text;
                    std::optional<relation_type> type;
                    ok = get_string(fv, text) && (type = parse_relation_type(text)).has_value();
                    if (ok) r.type = *type;
                    break;
                }
                case 3: {
                    std::optional<double> w;
                    ok = get_number_in(fv, 0.0, 1.0, true, w);
                    if (ok) r.weight = *w;
                    break;
                }
                case 4: {
                    std::optional<bool> d;
                    ok = get_bool(fv, d);
                    if (ok) r.directed = *d ? 1 : 0;
                    break;
                }
                default:
                    ok = get_optional_string(fv, extra.note);
                    has_extra = true;
                    break;
            }
            return ok;
        });
        if (!read) return false;
        if (ends[0].empty() || ends[1].empty() || seen.add_known(2)) return false;
        // Ends are resolved after the parse, in one pass that fetches the table's slots ahead.
        unresolved_ends_.emplace_back(ends[0], ends[1]);
        // A note or an x- key: the rare parts kept beside the compact relation.
        if (has_extra || !extra.ext.empty()) {
            r.extra = static_cast<std::uint32_t>(relation_extras_.size());
            relation_extras_.push_back(std::move(extra));
        }
        relations_.push_back(r);
        return true;
    }

    // ---------------------------------------------------------------- cross references
    bool check_references() {
        // The ends of the relations, by id.
        constexpr std::size_t ahead = 8;
        const std::size_t m = relations_.size();
        for (std::size_t i = 0; i < m; ++i) {
            if (i + ahead < m) {
                statement_table_.prefetch(unresolved_ends_[i + ahead].first);
                statement_table_.prefetch(unresolved_ends_[i + ahead].second);
            }
            auto& r = relations_[i];
            r.from = statement_table_.find(unresolved_ends_[i].first, statement_ids_);
            r.to = statement_table_.find(unresolved_ends_[i].second, statement_ids_);
            if (r.from == none || r.to == none) return false;
        }
        for (auto& s : statements_) {
            if (!s.actor) continue;
            const auto a = actor_index_.find(*s.actor);
            if (a == actor_index_.end()) return false;
        }
        // Claims: a declared proposition's values are used as declared; an undeclared one
        // takes no value, and a near miss of a declared id is a warning.
        std::optional<undeclared_proposition_hint> hint;
        std::vector<std::string_view> declared;
        for (std::size_t i = 0; i < statements_.size(); ++i) {
            const auto& c = statements_[i].claim;
            if (!c) continue;
            const auto p = proposition_index_.find(c->proposition);
            if (p == proposition_index_.end()) {
                if (c->value) return false;
                if (!hint) {
                    for (const auto& q : propositions_) declared.push_back(q.id);
                    hint.emplace(declared);
                }
                if (const auto near = hint->near(c->proposition))
                    warning(pointer_append(pointer_append(pointer_append("/statements", i), "claim"), "proposition"),
                            undeclared_proposition_hint::message(c->proposition, *near));
                continue;
            }
            const auto& values = propositions_[p->second].values;
            if (values.has_value() != c->value.has_value()) return false;
            if (values && std::find(values->begin(), values->end(), *c->value) == values->end()) return false;
        }
        relation_warnings();
        return true;
    }

    // A relation of a statement to itself, and a relation that repeats an earlier one (same
    // ends, same type; a mutual relation is the same in either direction, its ends ordered as
    // the located pass orders them, by id), in relation order.
    void relation_warnings() {
        const std::size_t n = statements_.size();
        const std::size_t m = relations_.size();
        // Bucket the relations by their first end (counting sort), then sort each bucket.
        std::vector<std::uint32_t> first_end(m), second_end(m);
        std::vector<std::size_t> offsets(n + 1, 0);
        for (std::size_t i = 0; i < m; ++i) {
            const auto& r = relations_[i];
            std::uint32_t a = r.from, b = r.to;
            const bool directed = r.directed >= 0 ? r.directed == 1 : r.type == relation_type::supports;
            if (!directed && statement_ids_[b] < statement_ids_[a]) std::swap(a, b);
            first_end[i] = a;
            second_end[i] = b;
            ++offsets[a + 1];
        }
        for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
        std::vector<std::uint32_t> bucketed(m);
        {
            std::vector<std::size_t> next(offsets.begin(), offsets.end() - 1);
            for (std::size_t i = 0; i < m; ++i) bucketed[next[first_end[i]]++] = static_cast<std::uint32_t>(i);
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (relation, first like it)
        for (std::size_t v = 0; v < n; ++v) {
            const auto begin = bucketed.begin() + static_cast<std::ptrdiff_t>(offsets[v]);
            const auto end = bucketed.begin() + static_cast<std::ptrdiff_t>(offsets[v + 1]);
            if (end - begin < 2) continue;
            // Bucket order is relation order, so a stable sort keeps the first of equals first.
            std::stable_sort(begin, end, [&](std::uint32_t x, std::uint32_t y) {
                return std::pair(second_end[x], relations_[x].type) < std::pair(second_end[y], relations_[y].type);
            });
            for (auto it = begin + 1; it != end; ++it) {
                auto first = it - 1;
                if (second_end[*it] != second_end[*first] || relations_[*it].type != relations_[*first].type) continue;
                while (first != begin && second_end[*(first - 1)] == second_end[*it] &&
                       relations_[*(first - 1)].type == relations_[*it].type)
                    --first;
                repeats.emplace_back(*it, *first);
            }
        }
        std::sort(repeats.begin(), repeats.end());
        std::size_t next_repeat = 0;
        for (std::size_t i = 0; i < m; ++i) {
            const auto& r = relations_[i];
            const bool self = r.from == r.to;
            const bool repeat = next_repeat < repeats.size() && repeats[next_repeat].first == i;
            if (!self && !repeat) continue;
            const std::string at = pointer_append("/relations", i);
            if (self) warning(at, "statement \"" + printable(statements_[r.from].id) + "\" is related to itself");
            if (repeat) {
                warning(at, "duplicate relation: same " + std::string(to_string(r.type)) + " relation as " +
                                pointer_append("/relations", repeats[next_repeat].second));
                ++next_repeat;
            }
        }
    }

    void warning(std::string at, std::string message) {
        diagnostics_.push_back({.severity = severity::warning, .source = std::string(source_),
                                .location = std::move(at), .message = std::move(message)});
    }

    std::string_view source_;
    std::size_t max_string_bytes_;
    std::size_t max_depth_;

    std::optional<std::string> title_{}, description_{};
    extensions info_ext_ = extensions::object();
    std::vector<actor> actors_{};
    std::vector<proposition> propositions_{};
    std::vector<statement> statements_{};
    std::vector<compact_relation> relations_{};
    std::vector<relation_extra> relation_extras_{};
    std::vector<std::pair<std::string_view, std::string_view>> unresolved_ends_{};
    // Ids as they appear in the parser's buffers (valid while it lives).
    std::unordered_map<std::string_view, std::uint32_t> actor_index_{}, proposition_index_{};
    std::vector<std::string_view> statement_ids_{};
    id_table statement_table_{};
    std::vector<diagnostic> diagnostics_{};
};

}  // namespace detail
}  // namespace narrative
