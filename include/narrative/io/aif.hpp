// SPDX-License-Identifier: MIT
#pragma once
// AIF (Argument Interchange Format, AIFdb / OVA JSON nodesets) import and export. I-nodes are
// statements, speakers of their locutions actors, RA supports, CA directed contradictions;
// case → AIF → case is an identity (what AIF has no field for travels in `x-narrative` keys).

#include <narrative/detail/json_pointer.hpp>
#include <narrative/detail/utf8.hpp>
#include <narrative/error.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/time.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace narrative {

/// Limits and choices of the AIF reader.
struct aif_read_options {
    read_options json{};                 ///< string length, nesting depth (as for case files)
    /// Most entries of each of nodes, edges, locutions and participants, and most relations built
    /// (an S-node gives premises × conclusions of them).
    std::size_t max_elements = 1 << 22;
    /// Offset given to utterance times written without one (`2020-10-15 22:50:06`, as AIFdb
    /// writes them): AIF does not say which zone they are in.
    std::string time_offset = "Z";
};

/// Checks an AIF nodeset (`{"nodes", "edges", "locutions", "participants"}`, or the OVA / xAIF
/// wrapper `{"AIF": {...}}`) and builds the case. Never throws parse_error: problems are
/// diagnostics located by JSON Pointer into the AIF file (`/nodes/4/type`), syntax errors by
/// `line:column`. Mapping (docs/formats.md): I-node → statement (id = nodeID); the L-node
/// anchoring it through a YA → actor (participant, else the text before `" : "`), time
/// (`locutions[].start`) and source; RA → supports; CA → contradicts, directed; MA → supports
/// marked `"x-aif-type": "MA"`. L-nodes without edges or locution (annotators' copies) are
/// ignored, with one warning giving their number.
[[nodiscard]] check_result check_aif(std::string_view text, std::string source = "<aif>",
                                     const aif_read_options& options = {});

/// Like check_aif, but returns the case or throws parse_error with every error found.
[[nodiscard]] case_model read_aif(std::string_view text, std::string source = "<aif>",
                                  const aif_read_options& options = {});

/// Whether a JSON text looks like AIF rather than a case file: its top-level object has `nodes`
/// or `AIF` and no `format`. Reads only the top level; false for anything that is not JSON.
[[nodiscard]] bool looks_like_aif(std::string_view text);

/// The case as an AIF nodeset (deterministic: file order of statements and relations).
[[nodiscard]] nlohmann::ordered_json to_aif(const case_model& c);

/// The case as AIF JSON text (two-space indent, final newline).
[[nodiscard]] std::string write_aif(const case_model& c);

// =====================================================================================
namespace detail {

inline constexpr std::string_view aif_own_key = "x-narrative";

// Reads one nodeset document into a case document, then checks it as a case.
class aif_importer {
public:
    aif_importer(std::string source, const aif_read_options& options, std::vector<diagnostic>& out)
        : source_(std::move(source)), options_(options), out_(out) {}

    std::optional<case_model> run(const ojson& root) {
        if (!root.is_object()) {
            error("", "an AIF file must be a JSON object, got " + json_type_name(root));
            return std::nullopt;
        }
        const ojson* set = &root;
        std::string base;
        if (const auto it = root.find("AIF"); it != root.end() && !root.contains("nodes")) {
            if (!it->is_object()) {
                error("/AIF", "must be an object, got " + json_type_name(*it));
                return std::nullopt;
            }
            set = &*it;
            base = "/AIF";
        }
        base_ = base;
        const ojson* nodes = array(*set, base, "nodes", true);
        const ojson* edges = array(*set, base, "edges", false);
        const ojson* locutions = array(*set, base, "locutions", false);
        const ojson* participants = array(*set, base, "participants", false);
        if (nodes) read_nodes(*nodes, pointer_append(base, "nodes"));
        if (edges) read_edges(*edges, pointer_append(base, "edges"));
        if (participants) read_participants(*participants, pointer_append(base, "participants"));
        if (locutions) read_locutions(*locutions, pointer_append(base, "locutions"));
        if (has_errors_) return std::nullopt;

        ojson doc = ojson::object();
        doc["format"] = std::string(case_format_v1);
        const ojson* own = own_object(*set, base);
        if (own) {
            for (const char* key : {"title", "description"})
                if (const auto it = own->find(key); it != own->end()) doc[key] = *it;
            copy_extensions(*own, doc, pointer_append(base, aif_own_key));
        }
        doc["actors"] = ojson::array();
        if (own)
            if (const auto it = own->find("propositions"); it != own->end()) doc["propositions"] = *it;
        doc["statements"] = ojson::array();
        doc["relations"] = ojson::array();
        build_statements(doc);
        build_relations(doc);
        doc["actors"] = std::move(actors_);
        report_ignored();
        if (has_errors_) return std::nullopt;

        std::vector<diagnostic> checked;
        auto model = case_validator(source_, checked, options_.json).run(doc);
        for (auto& d : checked) {
            d.location = aif_location(d.location);
            if (d.severity == severity::error) has_errors_ = true;
            out_.push_back(std::move(d));
        }
        if (has_errors_) return std::nullopt;
        return model;
    }

private:
    struct node {
        std::string id{};
        std::string type{};
        std::optional<std::string> text{};
        std::optional<std::string> scheme{};
        std::string pointer{};
        const ojson* own = nullptr;  // the x-narrative object, when the file was written by us
        std::vector<std::size_t> in{}, out{};
        std::optional<std::size_t> locution{};
    };
    struct locution {
        std::optional<std::string> person{};
        std::optional<std::string> start{};
        std::optional<std::string> source{};
        std::string pointer{};
    };
    struct participant {
        std::string actor_id{};
        std::string pointer{};
    };

    // ---------------------------------------------------------------- reading
    void read_nodes(const ojson& nodes, const std::string& at) {
        if (!within_limit(nodes, at)) return;
        nodes_.reserve(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const auto nat = pointer_append(at, i);
            const ojson& n = nodes[i];
            if (!object(n, nat)) continue;
            auto id = id_value(n, nat, "nodeID", true);
            const auto type = string_value(n, nat, "type", true);
            if (!id || !type) continue;
            node x{.id = std::move(*id), .type = *type, .text = string_value(n, nat, "text", false),
                   .scheme = string_value(n, nat, "scheme", false), .pointer = nat};
            x.own = own_object(n, nat);
            if (const auto [it, inserted] = node_index_.emplace(x.id, nodes_.size()); !inserted) {
                error(pointer_append(nat, "nodeID"), "duplicate node id \"" + printable(x.id) + "\" (first at " +
                                                         nodes_[it->second].pointer + "/nodeID)");
                continue;
            }
            nodes_.push_back(std::move(x));
        }
    }

    void read_edges(const ojson& edges, const std::string& at) {
        if (!within_limit(edges, at)) return;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            const auto eat = pointer_append(at, i);
            const ojson& e = edges[i];
            if (!object(e, eat)) continue;
            const auto from = node_reference(e, eat, "fromID");
            const auto to = node_reference(e, eat, "toID");
            if (!from || !to) continue;
            nodes_[*from].out.push_back(*to);
            nodes_[*to].in.push_back(*from);
        }
    }

    void read_participants(const ojson& list, const std::string& at) {
        if (!within_limit(list, at)) return;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto pat = pointer_append(at, i);
            const ojson& p = list[i];
            if (!object(p, pat)) continue;
            const auto id = id_value(p, pat, "participantID", true);
            const auto first = string_value(p, pat, "firstname", false);
            const auto last = string_value(p, pat, "surname", false);
            if (!id) continue;
            ojson actor = ojson::object();
            if (const ojson* own = own_object(p, pat)) {
                actor = *own;  // the actor as the case file has it
            } else {
                std::string name = first.value_or("");
                if (last && !last->empty()) name += (name.empty() ? "" : " ") + *last;
                name = trimmed(name);
                if (name.empty()) name = *id;
                actor["id"] = name;
                actor["x-aif-person"] = *id;
            }
            if (!actor.contains("id") || !actor["id"].is_string()) {
                error(pointer_append(pat, aif_own_key), "must hold the actor id as \"id\"");
                continue;
            }
            const std::string actor_id = actor["id"].get<std::string>();
            participants_.emplace(*id, participant{.actor_id = actor_id, .pointer = pat});
            add_actor(std::move(actor), pat);
        }
    }

    void read_locutions(const ojson& list, const std::string& at) {
        if (!within_limit(list, at)) return;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto lat = pointer_append(at, i);
            const ojson& l = list[i];
            if (!object(l, lat)) continue;
            const auto n = node_reference(l, lat, "nodeID");
            if (!n) continue;
            if (nodes_[*n].type != "L") {
                warning(pointer_append(lat, "nodeID"), "locution of node \"" + printable(nodes_[*n].id) +
                                                           "\" of type \"" + printable(nodes_[*n].type) +
                                                           "\" (not an L-node) is ignored");
                continue;
            }
            locution x{.person = id_value(l, lat, "personID", false), .start = string_value(l, lat, "start", false),
                       .source = string_value(l, lat, "source", false), .pointer = lat};
            if (nodes_[*n].locution) {
                // Repeated locutions (common in QT30): the later ones complete the first.
                locution& first = locutions_[*nodes_[*n].locution];
                bool differs = false;
                const auto complete = [&differs](std::optional<std::string>& have, std::optional<std::string>& more) {
                    if (!have) have = std::move(more);
                    else if (more && *more != *have) differs = true;
                };
                complete(first.person, x.person);
                complete(first.start, x.start);
                complete(first.source, x.source);
                if (differs)
                    warning(lat, "another locution of L-node \"" + printable(nodes_[*n].id) +
                                     "\" differs from the first; the first's values are kept");
                continue;
            }
            nodes_[*n].locution = locutions_.size();
            locutions_.push_back(std::move(x));
        }
    }

    // ---------------------------------------------------------------- building
    // One statement per I-node, in file order.
    void build_statements(ojson& doc) {
        // Speakers by personID, for L-nodes whose text has no "Name : " prefix.
        for (const node& n : nodes_) {
            if (n.type != "L" || !n.locution || !locutions_[*n.locution].person) continue;
            if (auto name = prefix_speaker(n.text.value_or("")); !name.empty())
                person_names_.emplace(*locutions_[*n.locution].person, std::move(name));
        }
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            const node& n = nodes_[i];
            if (n.type == "L" && n.in.empty() && n.out.empty() && !n.locution) ++ignored_l_nodes_;
            if (n.type != "I") continue;
            ojson s = {{"id", n.id}};
            // The utterances asserting it: L → YA → I. The earliest is the statement's.
            std::vector<std::string> illocutions;
            std::unordered_set<std::string> seen_acts;
            const anchor* best = nullptr;
            std::vector<std::string> speakers;  // the first two distinct ones
            for (const std::size_t ya : n.in) {
                if (nodes_[ya].type != "YA") continue;
                const std::string act = nodes_[ya].text.value_or("");
                if (act != "Asserting" && seen_acts.insert(act).second) illocutions.push_back(act);
                const anchor& a = anchor_of(ya);
                if (!a.utterance) continue;
                for (const auto& who : a.speakers)
                    if (speakers.size() < 2 && std::find(speakers.begin(), speakers.end(), who) == speakers.end())
                        speakers.push_back(who);
                if (!best || (a.time && (!best->time || *a.time < *best->time))) best = &a;
            }
            if (best) {
                const node& l = nodes_[*best->utterance];
                if (best->speaker) s["actor"] = *best->speaker;
                if (best->time) s["time"] = best->time->text();
                if (l.locution && locutions_[*l.locution].source && !locutions_[*l.locution].source->empty())
                    s["source"] = *locutions_[*l.locution].source;
                if (speakers.size() > 1)
                    warning(n.pointer, "I-node \"" + printable(n.id) +
                                           "\" is asserted by several speakers; the statement takes the earliest utterance's");
            }
            if (n.text) s["text"] = *n.text;
            if (n.own) {
                if (n.own->contains("no-text")) s.erase("text");
                copy_fields(*n.own, s, {"base", "evidence", "interest", "claim"});
                copy_extensions(*n.own, s, pointer_append(n.pointer, aif_own_key));
            } else if (!illocutions.empty()) {
                s["x-aif-illocutions"] = illocutions;
            }
            statement_pointers_.push_back(n.pointer);
            doc["statements"].push_back(std::move(s));
        }
    }

    // One relation per (I-node premise, I-node conclusion) of each RA, CA and MA.
    void build_relations(ojson& doc) {
        for (const node& n : nodes_) {
            if (n.type == "I" || n.type == "L" || n.type == "YA" || n.type == "TA") continue;
            if (n.type != "RA" && n.type != "CA" && n.type != "MA") {
                ++ignored_types_[n.type];
                continue;
            }
            if (n.own && n.own->contains("mirror")) continue;  // the second CA of a mutual contradiction
            std::vector<std::size_t> premises, conclusions;
            bool undercut = false;
            for (const std::size_t p : n.in)
                if (nodes_[p].type == "I") premises.push_back(p);
            for (const std::size_t c : n.out) {
                if (nodes_[c].type == "I") conclusions.push_back(c);
                else if (nodes_[c].type == "RA" || nodes_[c].type == "CA" || nodes_[c].type == "MA") undercut = true;
            }
            if (undercut)
                warning(n.pointer, n.type + "-node \"" + printable(n.id) +
                                       "\" bears on another S-node (an attack on an inference), which a case cannot carry");
            if (premises.empty() || conclusions.empty()) {
                if (!undercut)
                    warning(n.pointer, n.type + "-node \"" + printable(n.id) +
                                           "\" lacks an I-node premise or conclusion; no relation");
                continue;
            }
            // Premises times conclusions can be far more than the edges: bounded like the arrays.
            if (premises.size() * conclusions.size() > options_.max_elements - relation_pointers_.size()) {
                error(n.pointer, n.type + "-node \"" + printable(n.id) + "\" would make more than " +
                                     std::to_string(options_.max_elements) + " relations in all");
                return;
            }
            for (const std::size_t p : premises)
                for (const std::size_t c : conclusions) {
                    ojson r = {{"from", nodes_[p].id}, {"to", nodes_[c].id},
                               {"type", n.type == "CA" ? "contradicts" : "supports"}};
                    if (n.own) {
                        copy_fields(*n.own, r, {"weight", "directed", "note"});
                        copy_extensions(*n.own, r, pointer_append(n.pointer, aif_own_key));
                    } else {
                        if (n.type == "CA") r["directed"] = true;
                        r["x-aif-type"] = n.type;
                        r["x-aif-scheme"] = n.scheme.value_or(n.text.value_or(""));
                    }
                    relation_pointers_.push_back(n.pointer);
                    doc["relations"].push_back(std::move(r));
                }
        }
    }

    void report_ignored() {
        if (ignored_l_nodes_ > 0)
            warning(pointer_append(base_, "nodes"),
                    "ignored " + std::to_string(ignored_l_nodes_) +
                        " L-nodes without edges or locution (annotators' copies)");
        for (const auto& [type, count] : ignored_types_)
            warning(pointer_append(base_, "nodes"), "ignored " + std::to_string(count) + " nodes of type \"" +
                                                        printable(type) + "\" (not part of a case)");
    }

    // What a YA anchors: its earliest dated L-node (the first when none is dated), computed
    // once per YA so that an I-node costs its own edges only.
    struct anchor {
        std::optional<std::size_t> utterance{};
        std::optional<time_point> time{};
        std::optional<std::string> speaker{};
        std::vector<std::string> speakers{};  // the first two distinct ones
    };

    const anchor& anchor_of(std::size_t ya) {
        if (const auto it = anchors_.find(ya); it != anchors_.end()) return it->second;
        anchor a;
        for (const std::size_t l : nodes_[ya].in) {
            if (nodes_[l].type != "L") continue;
            auto time = utterance_time_of(nodes_[l]);
            auto speaker = speaker_of(nodes_[l]);
            if (speaker && a.speakers.size() < 2 &&
                std::find(a.speakers.begin(), a.speakers.end(), *speaker) == a.speakers.end())
                a.speakers.push_back(*speaker);
            if (!a.utterance || (time && (!a.time || *time < *a.time))) {
                a.utterance = l;
                a.time = std::move(time);
                a.speaker = std::move(speaker);
            }
        }
        return anchors_.emplace(ya, std::move(a)).first->second;
    }

    // The speaker of an L-node: its locution's participant, else the text before " : ".
    std::optional<std::string> speaker_of(const node& l) {
        if (l.own && l.own->contains("anonymous")) return std::nullopt;
        if (l.locution) {
            const locution& loc = locutions_[*l.locution];
            if (loc.person)
                if (const auto it = participants_.find(*loc.person); it != participants_.end()) return it->second.actor_id;
        }
        std::string name = prefix_speaker(l.text.value_or(""));
        if (name.empty() && l.locution && locutions_[*l.locution].person)
            if (const auto it = person_names_.find(*locutions_[*l.locution].person); it != person_names_.end())
                name = it->second;
        if (name.empty()) {
            warning(l.pointer, "L-node \"" + printable(l.id) + "\" names no speaker (no \"Name : \" prefix)");
            return std::nullopt;
        }
        if (!actor_names_.contains(name)) {
            ojson actor = {{"id", name}};
            if (l.locution && locutions_[*l.locution].person) actor["x-aif-person"] = *locutions_[*l.locution].person;
            add_actor(std::move(actor), l.pointer);
        }
        return name;
    }

    // The utterance time of an L-node as a case time, or nothing (unknown, or not a time).
    std::optional<time_point> utterance_time_of(const node& l) {
        if (!l.locution) return std::nullopt;
        const locution& loc = locutions_[*l.locution];
        if (!loc.start || loc.start->empty()) return std::nullopt;
        if (auto t = time_point::try_parse(*loc.start, reason_)) return t;
        // AIFdb's "YYYY-MM-DD hh:mm:ss": ISO 8601 with a T and the configured offset.
        std::string iso = *loc.start;
        if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
        iso += options_.time_offset;
        if (auto t = time_point::try_parse(iso, reason_)) return t;
        warning(pointer_append(loc.pointer, "start"),
                "not a date-time: \"" + printable(*loc.start) + "\"; the time is left unknown");
        return std::nullopt;
    }

    void add_actor(ojson actor, const std::string& at) {
        const std::string id = actor["id"].get<std::string>();
        if (!actor_names_.emplace(id, at).second) return;  // the same speaker again
        actors_.push_back(std::move(actor));
        actor_pointers_.push_back(at);
    }

    // Validator locations (/statements/3/base) back into the AIF file (/nodes/7/x-narrative/base).
    std::string aif_location(const std::string& case_pointer) const {
        const auto map = [&](std::string_view prefix, const std::vector<std::string>& where,
                             std::initializer_list<std::string_view> own_keys) -> std::optional<std::string> {
            if (case_pointer.rfind(prefix, 0) != 0) return std::nullopt;
            std::size_t end = prefix.size();
            std::size_t index = 0;
            while (end < case_pointer.size() && case_pointer[end] >= '0' && case_pointer[end] <= '9')
                index = index * 10 + static_cast<std::size_t>(case_pointer[end++] - '0');
            if (index >= where.size()) return std::nullopt;
            std::string out = where[index];
            const std::string rest = case_pointer.substr(end);
            for (const auto key : own_keys)
                if (rest.rfind("/" + std::string(key), 0) == 0) return out + "/" + std::string(aif_own_key) + rest;
            return out;
        };
        if (auto p = map("/statements/", statement_pointers_, {"base", "claim", "evidence", "interest"})) return *p;
        if (auto p = map("/relations/", relation_pointers_, {"weight", "directed", "note"})) return *p;
        if (auto p = map("/actors/", actor_pointers_, {"name", "kind", "group", "prior"})) return *p;
        if (case_pointer.rfind("/propositions", 0) == 0 || case_pointer == "/title" || case_pointer == "/description")
            return pointer_append(base_, aif_own_key) + case_pointer;
        return case_pointer.empty() ? base_ : case_pointer;
    }

    // ---------------------------------------------------------------- fields
    bool within_limit(const ojson& list, const std::string& at) {
        if (list.size() <= options_.max_elements) return true;
        error(at, std::to_string(list.size()) + " entries, more than the limit of " +
                      std::to_string(options_.max_elements));
        return false;
    }

    const ojson* array(const ojson& obj, const std::string& at, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end() || (!required && it->is_null())) {
            if (required) error(at, std::string("missing required key \"") + key + "\" (an AIF nodeset has nodes)");
            return nullptr;
        }
        if (!it->is_array()) {
            error(pointer_append(at, key), "must be an array, got " + json_type_name(*it));
            return nullptr;
        }
        return &*it;
    }

    bool object(const ojson& v, const std::string& at) {
        if (v.is_object()) return true;
        error(at, "must be an object, got " + json_type_name(v));
        return false;
    }

    // The x-narrative object of an element written by write_aif, or nullptr.
    const ojson* own_object(const ojson& obj, const std::string& at) {
        const auto it = obj.find(aif_own_key);
        if (it == obj.end()) return nullptr;
        if (!it->is_object()) {
            error(pointer_append(at, aif_own_key), "must be an object, got " + json_type_name(*it));
            return nullptr;
        }
        return &*it;
    }

    // The `ext` object of an x-narrative object: the element's x- keys (the case check refuses others).
    void copy_extensions(const ojson& own, ojson& into, const std::string& at) {
        const auto it = own.find("ext");
        if (it == own.end()) return;
        if (!it->is_object()) {
            error(pointer_append(at, "ext"), "must be an object, got " + json_type_name(*it));
            return;
        }
        for (const auto& [k, v] : it->items()) into[k] = v;
    }

    static void copy_fields(const ojson& own, ojson& into, std::initializer_list<const char*> keys) {
        for (const char* key : keys)
            if (const auto it = own.find(key); it != own.end()) into[key] = *it;
    }

    // An id: a string, or an integer (older AIFdb files number their nodes), as text.
    std::optional<std::string> id_value(const ojson& obj, const std::string& at, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end() || (!required && it->is_null())) {
            if (required) error(at, std::string("missing required key \"") + key + "\"");
            return std::nullopt;
        }
        if (it->is_string()) {
            if (it->get_ref<const std::string&>().empty()) {
                error(pointer_append(at, key), "must not be empty");
                return std::nullopt;
            }
            return it->get<std::string>();
        }
        if (it->is_number_integer()) return it->dump();
        error(pointer_append(at, key), "must be a string or an integer, got " + json_excerpt(*it));
        return std::nullopt;
    }

    std::optional<std::string> string_value(const ojson& obj, const std::string& at, const char* key, bool required) {
        const auto it = obj.find(key);
        if (it == obj.end() || (!required && it->is_null())) {
            if (required) error(at, std::string("missing required key \"") + key + "\"");
            return std::nullopt;
        }
        if (!it->is_string()) {
            error(pointer_append(at, key), "must be a string, got " + json_excerpt(*it));
            return std::nullopt;
        }
        return it->get<std::string>();
    }

    std::optional<std::size_t> node_reference(const ojson& obj, const std::string& at, const char* key) {
        const auto id = id_value(obj, at, key, true);
        if (!id) return std::nullopt;
        const auto it = node_index_.find(*id);
        if (it == node_index_.end()) {
            error(pointer_append(at, key), "unknown node \"" + printable(*id) + "\"");
            return std::nullopt;
        }
        return it->second;
    }

    // "Name : utterance"; also "Name: utterance" when the name is at most five words, a
    // variant found in QT30.
    static std::string prefix_speaker(const std::string& text) {
        if (const auto colon = text.find(" : "); colon != std::string::npos) return trimmed(text.substr(0, colon));
        if (const auto colon = text.find(": "); colon != std::string::npos) {
            const std::string name = trimmed(text.substr(0, colon));
            if (std::count(name.begin(), name.end(), ' ') <= 4) return name;
        }
        return {};
    }

    static std::string trimmed(std::string s) {
        const auto first = s.find_first_not_of(" \t");
        if (first == std::string::npos) return {};
        return s.substr(first, s.find_last_not_of(" \t") - first + 1);
    }

    void error(const std::string& at, std::string message) {
        has_errors_ = true;
        out_.push_back({.severity = severity::error, .source = source_, .location = at, .message = std::move(message)});
    }
    void warning(const std::string& at, std::string message) {
        out_.push_back({.severity = severity::warning, .source = source_, .location = at, .message = std::move(message)});
    }

    std::string source_;
    const aif_read_options& options_;
    std::vector<diagnostic>& out_;
    bool has_errors_ = false;
    std::string base_{};
    std::string reason_{};
    std::vector<node> nodes_{};
    std::unordered_map<std::string, std::size_t> node_index_{};
    std::vector<locution> locutions_{};
    std::unordered_map<std::string, participant> participants_{};
    ojson actors_ = ojson::array();
    std::unordered_map<std::string, std::string> actor_names_{};
    std::unordered_map<std::string, std::string> person_names_{};  // personID → speaker name
    std::vector<std::string> statement_pointers_{}, relation_pointers_{}, actor_pointers_{};
    std::unordered_map<std::size_t, anchor> anchors_{};  // by YA node
    std::size_t ignored_l_nodes_ = 0;
    std::map<std::string, std::size_t> ignored_types_{};
};

// Stops at the end of the top-level object, recording its keys.
class top_level_keys final : public nlohmann::json_sax<ojson> {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return ++depth_ <= 64; }
    bool start_array(std::size_t) override { return ++depth_ <= 64; }
    bool end_object() override { return --depth_ > 0; }  // the top level ends: stop
    bool end_array() override {
        --depth_;
        return true;
    }
    bool key(string_t& k) override {
        if (depth_ == 1) keys.insert(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

    std::unordered_set<std::string> keys{};

private:
    int depth_ = 0;
};

}  // namespace detail

inline check_result check_aif(std::string_view text, std::string source, const aif_read_options& options) {
    check_result result;
    auto doc = detail::json_parser(text, source, options.json, result.diagnostics).parse();
    if (!doc || result.error_count() > 0) return result;
    result.model = detail::aif_importer(std::move(source), options, result.diagnostics).run(*doc);
    return result;
}

inline case_model read_aif(std::string_view text, std::string source, const aif_read_options& options) {
    auto result = check_aif(text, std::move(source), options);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    return std::move(*result.model);
}

inline bool looks_like_aif(std::string_view text) {
    detail::top_level_keys keys;
    (void)detail::ojson::sax_parse(text.begin(), text.end(), &keys);
    return !keys.keys.contains("format") && (keys.keys.contains("nodes") || keys.keys.contains("AIF"));
}

inline nlohmann::ordered_json to_aif(const case_model& c) {
    using detail::ojson;
    const auto own_key = std::string(detail::aif_own_key);
    const ojson doc = to_json(c);
    // Generated node ids must not collide with statement ids, which are I-node ids.
    std::unordered_set<std::string> taken;
    for (const auto& s : doc["statements"]) taken.insert(s["id"].get<std::string>());
    std::size_t counter = 0;
    const auto fresh = [&](const char* prefix) {
        std::string id;
        do id = prefix + std::to_string(++counter);
        while (taken.contains(id));
        taken.insert(id);
        return id;
    };
    const auto extensions_of = [](const ojson& obj) {
        ojson ext = ojson::object();
        for (const auto& [k, v] : obj.items())
            if (is_extension_key(k)) ext[k] = v;
        return ext;
    };
    ojson nodes = ojson::array(), edges = ojson::array(), locutions = ojson::array(), participants = ojson::array();
    const auto edge = [&](const std::string& from, const std::string& to) {
        edges.push_back({{"edgeID", std::to_string(edges.size() + 1)}, {"fromID", from}, {"toID", to}});
    };

    std::unordered_map<std::string, std::string> actor_names;
    for (const auto& a : doc["actors"]) {
        const std::string id = a["id"].get<std::string>();
        const std::string name = a.contains("name") ? a["name"].get<std::string>() : id;
        actor_names.emplace(id, name);
        ojson own = ojson::object();
        for (const auto& [k, v] : a.items()) own[k] = v;
        participants.push_back({{"participantID", id}, {"firstname", name}, {"surname", ""}, {own_key, std::move(own)}});
    }

    for (const auto& s : doc["statements"]) {
        const std::string id = s["id"].get<std::string>();
        const std::string text = s.contains("text") ? s["text"].get<std::string>() : std::string();
        ojson own = ojson::object();
        for (const char* key : {"base", "evidence", "interest", "claim"})
            if (s.contains(key)) own[key] = s[key];
        if (!s.contains("text")) own["no-text"] = true;
        const ojson ext = extensions_of(s);
        if (!ext.empty()) own["ext"] = ext;
        nodes.push_back({{"nodeID", id}, {"type", "I"}, {"text", text}, {own_key, std::move(own)}});
        if (!s.contains("actor") && !s.contains("time") && !s.contains("source")) continue;
        // The utterance: L-node "Speaker : text", anchored by a YA; its locution holds the speaker, time and source.
        const std::string l = fresh("L"), ya = fresh("YA");
        ojson lnode = {{"nodeID", l}, {"type", "L"}};
        if (s.contains("actor")) {
            lnode["text"] = actor_names.at(s["actor"].get<std::string>()) + " : " + text;
        } else {
            lnode["text"] = text;
            lnode[own_key] = {{"anonymous", true}};
        }
        nodes.push_back(std::move(lnode));
        std::string act = "Asserting";
        if (const auto it = s.find("x-aif-illocutions"); it != s.end() && it->is_array() && !it->empty() &&
                                                          it->front().is_string())
            act = it->front().get<std::string>();
        nodes.push_back({{"nodeID", ya}, {"type", "YA"}, {"text", act}});
        edge(l, ya);
        edge(ya, id);
        ojson loc = {{"nodeID", l}};
        if (s.contains("actor")) loc["personID"] = s["actor"];
        if (s.contains("time")) loc["start"] = s["time"];
        if (s.contains("source")) loc["source"] = s["source"];
        locutions.push_back(std::move(loc));
    }

    for (const auto& r : doc["relations"]) {
        const bool contradicts = r["type"] == "contradicts";
        const auto aif_type = r.find("x-aif-type");
        const bool rephrase = !contradicts && aif_type != r.end() && *aif_type == "MA";
        const char* type = contradicts ? "CA" : rephrase ? "MA" : "RA";
        std::string scheme = contradicts ? "Default Conflict" : rephrase ? "Default Rephrase" : "Default Inference";
        if (const auto it = r.find("x-aif-scheme"); it != r.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
            scheme = it->get<std::string>();
        ojson own = ojson::object();
        for (const char* key : {"weight", "directed", "note"})
            if (r.contains(key)) own[key] = r[key];
        const ojson ext = extensions_of(r);
        if (!ext.empty()) own["ext"] = ext;
        const std::string from = r["from"].get<std::string>(), to = r["to"].get<std::string>();
        const std::string s = fresh(type);
        nodes.push_back({{"nodeID", s}, {"type", type}, {"text", scheme}, {own_key, std::move(own)}});
        edge(from, s);
        edge(s, to);
        // A mutual contradiction is a conflict both ways in AIF: a second CA, skipped on import.
        if (contradicts && !(r.contains("directed") && r["directed"].get<bool>())) {
            const std::string back = fresh("CA");
            nodes.push_back({{"nodeID", back}, {"type", "CA"}, {"text", scheme}, {own_key, {{"mirror", s}}}});
            edge(to, back);
            edge(back, from);
        }
    }

    ojson own = ojson::object();
    own["format"] = doc["format"];
    for (const char* key : {"title", "description", "propositions"})
        if (doc.contains(key) && !(doc[key].is_array() && doc[key].empty())) own[key] = doc[key];
    if (const ojson ext = extensions_of(doc); !ext.empty()) own["ext"] = ext;
    ojson out = ojson::object();
    out["nodes"] = std::move(nodes);
    out["edges"] = std::move(edges);
    out["locutions"] = std::move(locutions);
    out["participants"] = std::move(participants);
    out[own_key] = std::move(own);
    return out;
}

inline std::string write_aif(const case_model& c) {
    try {
        return to_aif(c).dump(2) + "\n";
    } catch (const nlohmann::json::exception& e) {
        throw model_error(std::string("cannot write the case as AIF: ") + e.what());
    }
}

}  // namespace narrative
