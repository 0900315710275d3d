// SPDX-License-Identifier: MIT
#pragma once
// Import of schema.org ClaimReview (fact-checkers' JSON-LD markup, and the flattened shape of
// fact-check search services): each reviewed claim a statement of its claimant, each review a
// finding of its fact-checker that supports or contradicts the claim by its rating.

#include <narrative/detail/json_pointer.hpp>
#include <narrative/error.hpp>
#include <narrative/io/aif.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

/// What a rating says of the claim it rates.
enum class claimreview_verdict { false_like, true_like, mixed };

/// One entry of the table of textual ratings: the verdict and the weight of the relation.
struct claimreview_rating {
    claimreview_verdict verdict = claimreview_verdict::mixed;
    double weight = 1.0;  ///< in (0, 1]; unused for mixed
};

/// The default table of textual ratings (`alternateName`, `textualRating`), keys lower case with
/// punctuation removed and blanks collapsed: "pants on fire!" is "pants on fire".
[[nodiscard]] inline std::map<std::string, claimreview_rating, std::less<>> default_claimreview_ratings() {
    using v = claimreview_verdict;
    std::map<std::string, claimreview_rating, std::less<>> t{};
    for (const char* s : {"false", "pants on fire", "fake", "fabricated", "incorrect", "untrue", "not true", "wrong",
                          "four pinocchios", "hoax", "scam", "false claim"})
        t.emplace(s, claimreview_rating{.verdict = v::false_like, .weight = 1.0});
    for (const char* s : {"mostly false", "misleading", "three pinocchios", "inaccurate", "unsupported",
                          "no evidence", "baseless", "false context", "partly false", "partially false"})
        t.emplace(s, claimreview_rating{.verdict = v::false_like, .weight = 0.75});
    for (const char* s : {"true", "correct", "accurate", "geppetto checkmark", "verified"})
        t.emplace(s, claimreview_rating{.verdict = v::true_like, .weight = 1.0});
    for (const char* s : {"mostly true", "mostly correct", "mostly accurate", "one pinocchio"})
        t.emplace(s, claimreview_rating{.verdict = v::true_like, .weight = 0.75});
    for (const char* s : {"half true", "mixture", "mixed", "two pinocchios", "unproven", "unverified", "exaggerated",
                          "needs context", "lacks context", "missing context", "outdated", "satire",
                          "research in progress", "unsubstantiated", "disputed"})
        t.emplace(s, claimreview_rating{.verdict = v::mixed, .weight = 1.0});
    return t;
}

/// Choices of the ClaimReview reader.
struct claimreview_options {
    read_options json{};  ///< string length, nesting depth (as for case files)
    /// Textual ratings → verdict; a rating not in the table is placed by its numbers.
    std::map<std::string, claimreview_rating, std::less<>> ratings = default_claimreview_ratings();
    /// A numeric rating placed on [0, 1] (worst = 0, best = 1) is false-like at or below this,
    /// true-like at or above `true_from`, and mixed between.
    double false_up_to = 0.4;
    double true_from = 0.6;
};

/// Checks ClaimReview JSON-LD (one `ClaimReview` object, an array of them, or an object whose
/// `@graph` lists them) or the flattened shape `{"claims": [{"text", "claimant", "claimDate",
/// "claimReview": [{"publisher", "url", "title", "reviewDate", "textualRating"}]}]}`, and builds
/// the case. Never throws parse_error: syntax errors by `line:column`, content errors by JSON
/// Pointer into the input; a rating that cannot be placed is a warning and gives no relation.
/// Mapping: docs/formats.md "ClaimReview".
[[nodiscard]] check_result check_claimreview(std::string_view text, std::string source = "<claimreview>",
                                             const claimreview_options& options = {});

/// Like check_claimreview, but returns the case or throws parse_error with every error found.
[[nodiscard]] case_model read_claimreview(std::string_view text, std::string source = "<claimreview>",
                                          const claimreview_options& options = {});

/// Whether a JSON text looks like ClaimReview rather than a case file: it names the type
/// `"ClaimReview"` or has `claimReview` entries, and has no top-level `format`.
[[nodiscard]] bool looks_like_claimreview(std::string_view text);

// =====================================================================================
namespace detail {

// Lower case, punctuation removed, blanks collapsed: the key of the ratings table.
[[nodiscard]] inline std::string rating_key(std::string_view s) {
    std::string out{};
    bool blank = false;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80) {
            if (blank && !out.empty()) out += ' ';
            blank = false;
            out += static_cast<char>(std::tolower(c));
        } else if (std::isspace(c) || c == '-' || c == '_') {
            blank = true;
        }
    }
    return out;
}

class claimreview_importer {
public:
    claimreview_importer(std::string source, const claimreview_options& options, std::vector<diagnostic>& out)
        : source_(std::move(source)), options_(options), out_(out) {}

    std::optional<case_model> run(const ojson& root) {
        if (root.is_array()) {
            for (std::size_t i = 0; i < root.size(); ++i) item(root[i], pointer_append("", i));
        } else if (root.is_object() && root.contains("@graph")) {
            const ojson& graph = root["@graph"];
            if (!graph.is_array()) error("/@graph", "must be an array, got " + json_type_name(graph));
            else
                for (std::size_t i = 0; i < graph.size(); ++i) item(graph[i], pointer_append("/@graph", i));
        } else if (root.is_object() && root.contains("claims") && !root.contains("@type")) {
            flattened(root);
        } else if (root.is_object()) {
            item(root, "");
        } else {
            error("", "a ClaimReview file must be a JSON object or array, got " + json_type_name(root));
        }
        if (has_errors_) return std::nullopt;
        if (reviews_ == 0) error("", "no ClaimReview found (an object with \"@type\": \"ClaimReview\")");
        if (has_errors_) return std::nullopt;

        ojson doc = ojson::object();
        doc["format"] = std::string(case_format_v1);
        doc["actors"] = std::move(actors_);
        doc["statements"] = std::move(statements_);
        doc["relations"] = std::move(relations_);
        std::vector<diagnostic> checked;
        auto model = case_validator(source_, checked, options_.json).run(doc);
        for (auto& d : checked) {
            d.location = input_location(d.location);
            if (d.severity == severity::error) has_errors_ = true;
            out_.push_back(std::move(d));
        }
        if (has_errors_) return std::nullopt;
        return model;
    }

private:
    // One review, whichever shape it came in.
    struct record {
        std::string at{};  // the review
        std::string claim_text{}, claim_at{};
        std::optional<std::pair<std::string, std::string>> claimant{}, reviewer{};  // name, kind
        std::string claimant_at{}, reviewer_at{};
        std::optional<std::string> claim_date{}, review_date{}, claim_source{}, review_source{}, headline{};
        std::string claim_date_at{}, review_date_at{};
        std::optional<std::string> rating_text{};
        std::optional<double> value{}, best{}, worst{};
        std::string rating_at{};
        ojson rating = ojson::object();  // kept in x-claimreview-rating
    };

    static bool is_type(const ojson& o, std::string_view type) {
        if (!o.is_object() || !o.contains("@type")) return false;
        const ojson& t = o["@type"];
        if (t.is_string()) return t.get_ref<const std::string&>() == type;
        if (t.is_array())
            return std::any_of(t.begin(), t.end(), [&](const ojson& x) { return x.is_string() && x == type; });
        return false;
    }

    std::optional<std::string> text_at(const ojson& o, std::string_view key, const std::string& at) {
        if (!o.is_object() || !o.contains(key)) return std::nullopt;
        const ojson& v = o[std::string(key)];
        if (v.is_string()) {
            if (v.get_ref<const std::string&>().empty()) return std::nullopt;
            return v.get<std::string>();
        }
        if (v.is_null()) return std::nullopt;
        error(pointer_append(at, key), "must be a string, got " + json_type_name(v));
        return std::nullopt;
    }

    // An author, publisher or claimant: a name, an object with `name`, or an array (the first).
    std::optional<std::pair<std::string, std::string>> party(const ojson& o, std::string_view key,
                                                             const std::string& at, std::string& where) {
        if (!o.is_object() || !o.contains(key)) return std::nullopt;
        const ojson* v = &o[std::string(key)];
        where = pointer_append(at, key);
        if (v->is_array()) {
            if (v->empty()) return std::nullopt;
            if (v->size() > 1) warning(where, "several given; the first is taken");
            v = &v->front();
            where = pointer_append(where, std::size_t{0});
        }
        if (v->is_string()) {
            if (v->get_ref<const std::string&>().empty()) return std::nullopt;
            return std::pair{v->get<std::string>(), std::string()};
        }
        if (v->is_object()) {
            const auto name = text_at(*v, "name", where);
            if (!name) {
                error(where, "names no one: give \"name\"");
                return std::nullopt;
            }
            std::string kind{};
            if (is_type(*v, "Person")) kind = "person";
            else if (is_type(*v, "Organization") || is_type(*v, "NewsMediaOrganization")) kind = "organization";
            return std::pair{*name, kind};
        }
        error(where, "must be a name or an object with \"name\", got " + json_type_name(*v));
        return std::nullopt;
    }

    std::optional<double> number_at(const ojson& o, std::string_view key, const std::string& at) {
        if (!o.contains(key)) return std::nullopt;
        const ojson& v = o[std::string(key)];
        if (v.is_number()) return v.get<double>();
        if (v.is_string()) {
            // Publishers often write numbers as strings ("1").
            const auto& s = v.get_ref<const std::string&>();
            try {
                const ojson n = ojson::parse(s);
                if (n.is_number()) return n.get<double>();
            } catch (const nlohmann::json::exception&) {
            }
            if (key == "ratingValue") return std::nullopt;  // a textual value: placed by its text
        }
        error(pointer_append(at, key), "must be a number, got " + json_excerpt(v));
        return std::nullopt;
    }

    void item(const ojson& o, const std::string& at) {
        if (!is_type(o, "ClaimReview")) {
            if (o.is_object() && o.contains("@type")) {
                warning(at, "not a ClaimReview (\"@type\": " + json_excerpt(o["@type"]) + "); left out");
                return;
            }
            error(at, "not a ClaimReview: missing \"@type\": \"ClaimReview\"");
            return;
        }
        record r{.at = at};
        r.claim_at = pointer_append(at, "claimReviewed");
        if (const auto t = text_at(o, "claimReviewed", at)) r.claim_text = *t;
        const std::string item_at = pointer_append(at, "itemReviewed");
        const ojson* claim = o.contains("itemReviewed") ? &o["itemReviewed"] : nullptr;
        if (claim && !claim->is_object()) {
            error(item_at, "must be an object (a Claim), got " + json_type_name(*claim));
            claim = nullptr;
        }
        if (r.claim_text.empty() && claim)
            for (const char* key : {"text", "name"})
                if (const auto t = text_at(*claim, key, item_at); t && r.claim_text.empty()) {
                    r.claim_text = *t;
                    r.claim_at = pointer_append(item_at, key);
                }
        if (r.claim_text.empty()) {
            error(at, "missing \"claimReviewed\": the text of the claim");
            return;
        }
        if (claim) {
            r.claimant = party(*claim, "author", item_at, r.claimant_at);
            r.claim_date = text_at(*claim, "datePublished", item_at);
            r.claim_date_at = pointer_append(item_at, "datePublished");
            for (const char* key : {"appearance", "firstAppearance"}) {
                if (r.claim_source || !claim->contains(key)) continue;
                const ojson* a = &(*claim)[key];
                std::string a_at = pointer_append(item_at, key);
                if (a->is_array() && !a->empty()) {
                    a = &a->front();
                    a_at = pointer_append(a_at, std::size_t{0});
                }
                if (a->is_string()) r.claim_source = a->get<std::string>();
                else if (a->is_object()) r.claim_source = text_at(*a, "url", a_at);
                if (!r.claim_date && a->is_object()) {
                    r.claim_date = text_at(*a, "datePublished", a_at);
                    r.claim_date_at = pointer_append(a_at, "datePublished");
                }
            }
        }
        r.reviewer = party(o, "author", at, r.reviewer_at);
        if (!r.reviewer) r.reviewer = party(o, "publisher", at, r.reviewer_at);
        r.review_date = text_at(o, "datePublished", at);
        r.review_date_at = pointer_append(at, "datePublished");
        if (!r.claim_date && r.review_date) {
            r.claim_date = r.review_date;  // the claim was made by the time it was reviewed
            r.claim_date_at = r.review_date_at;
        }
        r.review_source = text_at(o, "url", at);
        r.headline = text_at(o, "headline", at);
        if (!r.headline) r.headline = text_at(o, "name", at);
        r.rating_at = pointer_append(at, "reviewRating");
        if (o.contains("reviewRating")) {
            const ojson& rating = o["reviewRating"];
            if (!rating.is_object()) {
                error(r.rating_at, "must be an object (a Rating), got " + json_type_name(rating));
                return;
            }
            r.rating_text = text_at(rating, "alternateName", r.rating_at);
            if (!r.rating_text) r.rating_text = text_at(rating, "name", r.rating_at);
            r.value = number_at(rating, "ratingValue", r.rating_at);
            r.best = number_at(rating, "bestRating", r.rating_at);
            r.worst = number_at(rating, "worstRating", r.rating_at);
            if (!r.rating_text && rating.contains("ratingValue") && rating["ratingValue"].is_string() && !r.value)
                r.rating_text = rating["ratingValue"].get<std::string>();
            for (const auto& [k, v] : rating.items())
                if (k.empty() || k[0] != '@') r.rating[k] = v;
        }
        add(r);
    }

    // The flattened shape of fact-check search services.
    void flattened(const ojson& root) {
        const ojson& claims = root["claims"];
        if (!claims.is_array()) {
            error("/claims", "must be an array, got " + json_type_name(claims));
            return;
        }
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const std::string at = pointer_append("/claims", i);
            const ojson& c = claims[i];
            if (!c.is_object()) {
                error(at, "must be an object, got " + json_type_name(c));
                continue;
            }
            const auto text = text_at(c, "text", at);
            if (!text) {
                error(at, "missing \"text\": the text of the claim");
                continue;
            }
            const auto claimant = text_at(c, "claimant", at);
            const auto date = text_at(c, "claimDate", at);
            if (!c.contains("claimReview") || !c["claimReview"].is_array()) {
                error(pointer_append(at, "claimReview"), "must be an array of reviews");
                continue;
            }
            const ojson& reviews = c["claimReview"];
            for (std::size_t j = 0; j < reviews.size(); ++j) {
                const std::string rat = pointer_append(pointer_append(at, "claimReview"), j);
                const ojson& rv = reviews[j];
                if (!rv.is_object()) {
                    error(rat, "must be an object, got " + json_type_name(rv));
                    continue;
                }
                record r{.at = rat};
                r.claim_text = *text;
                r.claim_at = pointer_append(at, "text");
                if (claimant) r.claimant = std::pair{*claimant, std::string()};
                r.claimant_at = pointer_append(at, "claimant");
                r.claim_date = date;
                r.claim_date_at = pointer_append(at, "claimDate");
                r.reviewer = party(rv, "publisher", rat, r.reviewer_at);
                r.review_date = text_at(rv, "reviewDate", rat);
                r.review_date_at = pointer_append(rat, "reviewDate");
                r.review_source = text_at(rv, "url", rat);
                r.headline = text_at(rv, "title", rat);
                r.rating_text = text_at(rv, "textualRating", rat);
                r.rating_at = pointer_append(rat, "textualRating");
                if (r.rating_text) r.rating["textualRating"] = *r.rating_text;
                if (!r.claim_date && r.review_date) {
                    r.claim_date = r.review_date;
                    r.claim_date_at = r.review_date_at;
                }
                add(r);
            }
        }
    }

    // A time as the case format wants it: as given, else its date when it is a date-time
    // without offset (JSON-LD dates often have none), else an error at its pointer.
    std::optional<std::string> time_of(const std::optional<std::string>& t, const std::string& at) {
        if (!t) return std::nullopt;
        std::string reason{};
        if (time_point::try_parse(*t, reason)) return *t;
        if (t->size() > 10 && (*t)[10] == 'T') {
            std::string ignored{};
            if (time_point::try_parse(t->substr(0, 10), ignored)) {
                warning(at, "date-time \"" + printable(*t, 40) + "\" has no offset; its date is kept");
                return t->substr(0, 10);
            }
        }
        error(at, reason);
        return std::nullopt;
    }

    std::string actor_of(const std::pair<std::string, std::string>& who, const std::string& at) {
        if (std::find(actor_ids_.begin(), actor_ids_.end(), who.first) == actor_ids_.end()) {
            actor_ids_.push_back(who.first);
            ojson a = {{"id", who.first}, {"name", who.first}};
            if (!who.second.empty()) a["kind"] = who.second;
            actor_at_.push_back(at);
            actors_.push_back(std::move(a));
        }
        return who.first;
    }

    void add(const record& r) {
        ++reviews_;
        // The claim: one statement per claimant and text, however many reviews rate it.
        const std::string claimant = r.claimant ? r.claimant->first : std::string();
        std::string claim_id{};
        for (const auto& [key, id] : claims_)
            if (key.first == claimant && key.second == r.claim_text) claim_id = id;
        if (claim_id.empty()) {
            claim_id = "claim-" + std::to_string(claims_.size() + 1);
            claims_.push_back({{claimant, r.claim_text}, claim_id});
            ojson s = {{"id", claim_id}};
            if (r.claimant) s["actor"] = actor_of(*r.claimant, r.claimant_at);
            if (const auto t = time_of(r.claim_date, r.claim_date_at)) s["time"] = *t;
            s["text"] = r.claim_text;
            if (r.claim_source) s["source"] = *r.claim_source;
            s["evidence"] = "claim";
            statement_at_.push_back({r.claim_at, {{"time", r.claim_date_at}, {"actor", r.claimant_at}}});
            statements_.push_back(std::move(s));
        }
        // The review: a finding of the fact-checker.
        const std::string review_id = "review-" + std::to_string(reviews_);
        ojson s = {{"id", review_id}};
        if (r.reviewer) s["actor"] = actor_of(*r.reviewer, r.reviewer_at);
        if (const auto t = time_of(r.review_date, r.review_date_at)) s["time"] = *t;
        s["text"] = r.headline ? *r.headline
                               : (r.reviewer ? r.reviewer->first : std::string("A fact-check")) + " rates the claim " +
                                     (r.rating_text ? "\"" + *r.rating_text + "\"" : std::string("without a verdict"));
        if (r.review_source) s["source"] = *r.review_source;
        s["evidence"] = "finding";
        if (!r.rating.empty()) s["x-claimreview-rating"] = r.rating;
        statement_at_.push_back({r.at, {{"time", r.review_date_at}, {"actor", r.reviewer_at}}});
        statements_.push_back(std::move(s));

        const auto placed = place(r);
        if (!placed) return;
        ojson rel = {{"from", review_id}, {"to", claim_id},
                     {"type", placed->verdict == claimreview_verdict::false_like ? "contradicts" : "supports"}};
        if (placed->weight < 1.0) rel["weight"] = placed->weight;
        rel["note"] = "fact-check rating " +
                      (r.rating_text ? "\"" + *r.rating_text + "\"" : std::string("of ") + number_text(*r.value));
        relation_at_.push_back(r.rating_at);
        relations_.push_back(std::move(rel));
    }

    static std::string number_text(double v) { return ojson(v).dump(); }

    // The verdict of a rating: its text by the table, else its number on [worst, best].
    std::optional<claimreview_rating> place(const record& r) {
        if (r.rating_text)
            if (const auto it = options_.ratings.find(rating_key(*r.rating_text)); it != options_.ratings.end()) {
                if (it->second.verdict == claimreview_verdict::mixed) {
                    warning(r.rating_at, "rating \"" + printable(*r.rating_text, 40) +
                                             "\" is neither true nor false: no relation");
                    return std::nullopt;
                }
                return it->second;
            }
        if (r.value) {
            const double best = r.best.value_or(5.0), worst = r.worst.value_or(1.0);  // schema.org defaults
            if (std::isfinite(best) && std::isfinite(worst) && best != worst) {
                const double t = (*r.value - worst) / (best - worst);
                if (t >= 0.0 && t <= 1.0) {
                    if (t <= options_.false_up_to)
                        return claimreview_rating{.verdict = claimreview_verdict::false_like, .weight = 1.0 - t};
                    if (t >= options_.true_from)
                        return claimreview_rating{.verdict = claimreview_verdict::true_like, .weight = t};
                    warning(r.rating_at, "rating " + number_text(*r.value) + " on " + number_text(worst) + " to " +
                                             number_text(best) + " is neither true nor false: no relation");
                    return std::nullopt;
                }
            }
        }
        warning(r.rating_at, r.rating_text ? "rating \"" + printable(*r.rating_text, 40) +
                                                 "\" cannot be placed (not in the table of ratings, no usable "
                                                 "ratingValue within worstRating and bestRating): no relation"
                                           : std::string("no rating: no relation"));
        return std::nullopt;
    }

    // A pointer of the case built, as a pointer into the input.
    std::string input_location(const std::string& p) const {
        auto index_of = [&](std::string_view prefix, std::size_t& end) -> std::optional<std::size_t> {
            if (p.rfind(prefix, 0) != 0) return std::nullopt;
            std::size_t i = prefix.size(), n = 0;
            if (i >= p.size()) return std::nullopt;
            while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i])) && n < (std::size_t{1} << 40))
                n = n * 10 + static_cast<std::size_t>(p[i++] - '0');
            end = i;
            return n;
        };
        std::size_t end = 0;
        if (const auto i = index_of("/statements/", end); i && *i < statement_at_.size()) {
            const auto& [at, keys] = statement_at_[*i];
            const std::string key = end < p.size() ? p.substr(end + 1) : std::string();
            for (const auto& [k, v] : keys)
                if (key == k && !v.empty()) return v;
            return at;
        }
        if (const auto i = index_of("/relations/", end); i && *i < relation_at_.size()) return relation_at_[*i];
        if (const auto i = index_of("/actors/", end); i && *i < actor_at_.size()) return actor_at_[*i];
        return p;
    }

    void error(const std::string& at, std::string message) {
        has_errors_ = true;
        out_.push_back({.severity = severity::error, .source = source_, .location = at, .message = std::move(message)});
    }
    void warning(const std::string& at, std::string message) {
        out_.push_back({.severity = severity::warning, .source = source_, .location = at, .message = std::move(message)});
    }

    std::string source_;
    const claimreview_options& options_;
    std::vector<diagnostic>& out_;
    bool has_errors_ = false;
    std::size_t reviews_ = 0;
    ojson actors_ = ojson::array(), statements_ = ojson::array(), relations_ = ojson::array();
    std::vector<std::string> actor_ids_{}, actor_at_{}, relation_at_{};
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> statement_at_{};
    std::vector<std::pair<std::pair<std::string, std::string>, std::string>> claims_{};
};

}  // namespace detail

inline check_result check_claimreview(std::string_view text, std::string source, const claimreview_options& options) {
    check_result result;
    auto doc = detail::json_parser(text, source, options.json, result.diagnostics).parse();
    if (!doc || result.error_count() > 0) return result;
    result.model = detail::claimreview_importer(std::move(source), options, result.diagnostics).run(*doc);
    return result;
}

inline case_model read_claimreview(std::string_view text, std::string source, const claimreview_options& options) {
    auto result = check_claimreview(text, std::move(source), options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

inline bool looks_like_claimreview(std::string_view text) {
    if (text.find("\"ClaimReview\"") == std::string_view::npos && text.find("\"claimReview\"") == std::string_view::npos)
        return false;
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] == '[') return true;
    detail::top_level_keys keys;
    (void)detail::ojson::sax_parse(text.begin(), text.end(), &keys);
    return !keys.keys.contains("format");
}

}  // namespace narrative
