// SPDX-License-Identifier: MIT
#pragma once
// A case: actors, propositions, and the statement graph (a Boost.Graph adjacency_list with
// bundled statement and relation properties) behind id and actor indexes.

#include <narrative/error.hpp>
#include <narrative/model/actor.hpp>
#include <narrative/model/proposition.hpp>
#include <narrative/model/relation.hpp>
#include <narrative/model/statement.hpp>
#include <narrative/version.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/range/iterator_range.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace narrative {

/// The statement graph: vertices are statements, edges are relations (`from` → `to`).
/// Vertex descriptors are dense indices 0 … n−1 in insertion order, so they index
/// vectors and Eigen arrays directly; any BGL algorithm applies.
using statement_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                             statement, relation>;
using statement_index = boost::graph_traits<statement_graph>::vertex_descriptor;
using relation_handle = boost::graph_traits<statement_graph>::edge_descriptor;

/// Case-level fields of a case file.
struct case_info {
    std::optional<std::string> title{};
    std::optional<std::string> description{};
    extensions ext = extensions::object();
};

/// A case: who said what, when, and how the statements bear on each other.
///
/// The graph is append-only: statements and relations can be added, not removed (removing a
/// vertex would renumber the others). Filter with `boost::filtered_graph`, or build a new case.
/// Every mutator checks ids and throws model_error on a duplicate or unknown one.
class case_model {
public:
    using graph_type = statement_graph;

    case_model() = default;
    // Edge descriptors point into the graph they came from: the graph lives on the heap so
    // that moves keep them valid, and copies rebuild the relation order from edge indices.
    case_model(const case_model& other) : case_model(copy_of(other)) {}
    case_model(case_model&& other) { swap(other); }
    case_model& operator=(const case_model& other) {
        if (this != &other) {
            case_model copy(other);
            swap(copy);
        }
        return *this;
    }
    case_model& operator=(case_model&& other) {
        if (this != &other) {
            case_model moved(std::move(other));
            swap(moved);
        }
        return *this;
    }
    ~case_model() = default;

    void swap(case_model& other) noexcept {
        using std::swap;
        swap(info_, other.info_);
        swap(actors_, other.actors_);
        swap(propositions_, other.propositions_);
        swap(statements_of_actor_, other.statements_of_actor_);
        swap(graph_, other.graph_);
        swap(relations_, other.relations_);
        swap(actor_ids_, other.actor_ids_);
        swap(proposition_ids_, other.proposition_ids_);
        swap(statement_ids_, other.statement_ids_);
    }

    // ------------------------------------------------------------------ case-level fields
    [[nodiscard]] case_info& info() noexcept { return info_; }
    [[nodiscard]] const case_info& info() const noexcept { return info_; }

    // ------------------------------------------------------------------ actors
    /// Adds an actor; returns its index. Throws model_error on an empty or duplicate id or a
    /// prior outside [0, 1].
    std::uint32_t add_actor(actor a) {
        require_id(a.id, "actor");
        if (a.prior && !(*a.prior >= 0.0 && *a.prior <= 1.0))
            throw model_error("actor \"" + a.id + "\": prior must be in [0, 1]");
        if (actor_ids_.contains(a.id)) throw model_error("duplicate actor id \"" + a.id + "\"");
        const auto index = checked_u32(actors_.size(), "actors");
        actor_ids_.emplace(a.id, index);
        actors_.push_back(std::move(a));
        statements_of_actor_.emplace_back();
        return index;
    }
    [[nodiscard]] const std::vector<actor>& actors() const noexcept { return actors_; }
    [[nodiscard]] const actor& actor_at(std::uint32_t index) const { return actors_.at(index); }
    [[nodiscard]] std::optional<std::uint32_t> find_actor(std::string_view id) const {
        return find_in(actor_ids_, id);
    }
    /// The statements of an actor, in insertion order.
    [[nodiscard]] std::span<const statement_index> statements_of(std::uint32_t actor) const {
        return statements_of_actor_.at(actor);
    }

    // ------------------------------------------------------------------ propositions
    /// Adds a proposition; returns its index. Throws model_error on an empty or duplicate id.
    std::uint32_t add_proposition(proposition p) {
        require_id(p.id, "proposition");
        if (proposition_ids_.contains(p.id))
            throw model_error("duplicate proposition id \"" + p.id + "\"");
        const auto index = checked_u32(propositions_.size(), "propositions");
        proposition_ids_.emplace(p.id, index);
        propositions_.push_back(std::move(p));
        return index;
    }
    [[nodiscard]] const std::vector<proposition>& propositions() const noexcept {
        return propositions_;
    }
    [[nodiscard]] std::optional<std::uint32_t> find_proposition(std::string_view id) const {
        return find_in(proposition_ids_, id);
    }
    /// The declared proposition a claim refers to, or nullptr for an implicit yes/no one.
    [[nodiscard]] const proposition* proposition_of(const claim& c) const {
        const auto i = find_proposition(c.proposition);
        return i ? &propositions_[*i] : nullptr;
    }

    // ------------------------------------------------------------------ statements
    /// Adds a statement; returns its vertex. Throws model_error on an empty or duplicate id,
    /// an unknown actor, or a base outside [0, 1].
    statement_index add_statement(statement s) {
        require_id(s.id, "statement");
        if (statement_ids_.contains(s.id))
            throw model_error("duplicate statement id \"" + s.id + "\"");
        if (s.base && !(*s.base >= 0.0 && *s.base <= 1.0))
            throw model_error("statement \"" + s.id + "\": base must be in [0, 1]");
        s.actor_index = no_actor;
        if (s.actor) {
            const auto a = find_actor(*s.actor);
            if (!a) throw model_error("statement \"" + s.id + "\": unknown actor \"" + *s.actor + "\"");
            s.actor_index = *a;
        }
        checked_u32(boost::num_vertices(*graph_) + 1, "statements");
        const std::uint32_t actor_index = s.actor_index;
        const std::string id = s.id;
        const statement_index v = boost::add_vertex(std::move(s), *graph_);
        statement_ids_.emplace(id, v);
        if (actor_index != no_actor) statements_of_actor_[actor_index].push_back(v);
        return v;
    }
    [[nodiscard]] std::size_t statement_count() const noexcept {
        return boost::num_vertices(*graph_);
    }
    [[nodiscard]] const statement& statement_at(statement_index v) const {
        check_vertex(v);
        return (*graph_)[v];
    }
    [[nodiscard]] std::optional<statement_index> find_statement(std::string_view id) const {
        return find_in(statement_ids_, id);
    }
    /// The statement's base score: its own `base`, else its actor's prior, else 0.5.
    [[nodiscard]] double base_of(statement_index v) const {
        const statement& s = statement_at(v);
        if (s.base) return *s.base;
        if (s.actor_index != no_actor) return actors_[s.actor_index].effective_prior();
        return default_prior;
    }

    // ------------------------------------------------------------------ relations
    /// Adds a relation `from` → `to`; returns its edge. Throws model_error on an unknown
    /// vertex or a weight outside (0, 1]. Self-relations and duplicates are allowed.
    relation_handle relate(statement_index from, statement_index to, relation r) {
        check_vertex(from);
        check_vertex(to);
        if (r.weight && !(*r.weight > 0.0 && *r.weight <= 1.0))
            throw model_error("relation " + (*graph_)[from].id + " -> " + (*graph_)[to].id +
                              ": weight must be in (0, 1]");
        r.index = checked_u32(relations_.size(), "relations");
        const auto [e, added] = boost::add_edge(from, to, std::move(r), *graph_);
        (void)added;  // parallel edges are allowed (vecS out-edge lists)
        relations_.push_back(e);
        return e;
    }
    /// Makes room for relations about to be added: `out_added[v]` and `in_added[v]` count the
    /// new relations from and to statement v (both spans hold statement_count() entries). Each
    /// statement's edge lists are then sized once instead of growing relation by relation; at
    /// millions of relations the copies of that growth, at random places in memory, are most of
    /// the cost of building the graph. Optional: relate() gives the same graph without it.
    /// Throws model_error when a span's size is not statement_count().
    void reserve_relations(std::span<const std::uint32_t> out_added, std::span<const std::uint32_t> in_added) {
        const std::size_t n = statement_count();
        if (out_added.size() != n || in_added.size() != n)
            throw model_error("reserve_relations: the degree counts must hold one entry per statement");
        std::size_t total = 0;
        for (statement_index v = 0; v < n; ++v) {
            total += out_added[v];
            auto& out = graph_->out_edge_list(v);
            out.reserve(out.size() + out_added[v]);
            auto& in = boost::in_edge_list(*graph_, v);
            in.reserve(in.size() + in_added[v]);
        }
        relations_.reserve(relations_.size() + total);
    }
    /// Adds `count` relations in order, as `relate(ends(i).first, ends(i).second, make(i))` for
    /// i = 0 … count−1 would (same indices, same graph, same errors), but fetches the statements
    /// of the relations a few places ahead from memory while it adds one: between a million
    /// statements, waiting for that memory is most of the cost of relate().
    template <class Ends, class Make>
    void relate_all(std::size_t count, Ends&& ends, Make&& make) {
        constexpr std::size_t ahead = 16;   // statements' records requested this far ahead
        constexpr std::size_t nearer = 8;   // then the ends of their edge lists
        const std::size_t n = statement_count();
        for (std::size_t i = 0; i < count; ++i) {
            if (i + ahead < count) {
                const auto [from, to] = ends(i + ahead);
                if (from < n) prefetch(&graph_->m_vertices[from]);
                if (to < n) prefetch(&graph_->m_vertices[to]);
            }
            if (i + nearer < count) {
                const auto [from, to] = ends(i + nearer);
                if (from < n) prefetch_end(graph_->out_edge_list(from));
                if (to < n) prefetch_end(boost::in_edge_list(*graph_, to));
            }
            const auto [from, to] = ends(i);
            relate(from, to, make(i));
        }
    }
    /// Makes room for statements about to be added (their vertices and ids).
    void reserve_statements(std::size_t added) {
        graph_->m_vertices.reserve(statement_count() + added);
        statement_ids_.reserve(statement_count() + added);
    }
    /// Adds a relation between two statements named by id; throws model_error when unknown.
    relation_handle relate(std::string_view from_id, std::string_view to_id, relation r) {
        return relate(require_statement(from_id), require_statement(to_id), std::move(r));
    }
    /// Every relation, in insertion (file) order.
    [[nodiscard]] const std::vector<relation_handle>& relations() const noexcept {
        return relations_;
    }
    [[nodiscard]] std::size_t relation_count() const noexcept { return relations_.size(); }
    [[nodiscard]] const relation& relation_at(relation_handle e) const { return (*graph_)[e]; }
    [[nodiscard]] const relation& relation_at(std::size_t index) const {
        return (*graph_)[relations_.at(index)];
    }
    [[nodiscard]] statement_index source(relation_handle e) const noexcept {
        return boost::source(e, *graph_);
    }
    [[nodiscard]] statement_index target(relation_handle e) const noexcept {
        return boost::target(e, *graph_);
    }

    /// The Boost.Graph view, for any BGL algorithm.
    [[nodiscard]] const graph_type& graph() const noexcept { return *graph_; }

    /// The vertex of a statement id; throws model_error when there is none.
    [[nodiscard]] statement_index require_statement(std::string_view id) const {
        const auto v = find_statement(id);
        if (!v) throw model_error("unknown statement \"" + std::string(id) + "\"");
        return *v;
    }

private:
    struct copy_tag {};
    // A member-wise copy whose relation handles refer to the copied graph.
    static case_model copy_of(const case_model& other) {
        case_model c(copy_tag{}, other);
        return c;
    }
    case_model(copy_tag, const case_model& other)
        : info_(other.info_),
          actors_(other.actors_),
          propositions_(other.propositions_),
          statements_of_actor_(other.statements_of_actor_),
          graph_(std::make_unique<graph_type>(*other.graph_)),
          relations_(other.relations_.size()),
          actor_ids_(other.actor_ids_),
          proposition_ids_(other.proposition_ids_),
          statement_ids_(other.statement_ids_) {
        for (const auto e : boost::make_iterator_range(boost::edges(*graph_)))
            relations_[(*graph_)[e].index] = e;
    }

    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <class T>
    using id_map = std::unordered_map<std::string, T, string_hash, std::equal_to<>>;

    template <class T>
    [[nodiscard]] static std::optional<T> find_in(const id_map<T>& m, std::string_view id) {
        const auto it = m.find(id);
        if (it == m.end()) return std::nullopt;
        return it->second;
    }
    static void require_id(const std::string& id, const char* what) {
        if (id.empty()) throw model_error(std::string(what) + " id must not be empty");
    }
    static std::uint32_t checked_u32(std::size_t n, const char* what) {
        if (n >= std::numeric_limits<std::uint32_t>::max())
            throw model_error(std::string("too many ") + what + " (the limit is 2^32 - 2)");
        return static_cast<std::uint32_t>(n);
    }
    // A hint to the processor, nothing more: the memory at `p` will be written soon.
    static void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(p, 1);
#else
        (void)p;
#endif
    }
    template <class List>
    static void prefetch_end(const List& list) noexcept {
        if (list.size() < list.capacity()) prefetch(list.data() + list.size());
    }
    void check_vertex(statement_index v) const {
        if (v >= boost::num_vertices(*graph_))
            throw model_error("statement index " + std::to_string(v) + " out of range");
    }

    case_info info_;
    std::vector<actor> actors_{};
    std::vector<proposition> propositions_{};
    std::vector<std::vector<statement_index>> statements_of_actor_{};
    std::unique_ptr<graph_type> graph_ = std::make_unique<graph_type>();
    std::vector<relation_handle> relations_{};
    id_map<std::uint32_t> actor_ids_;
    id_map<std::uint32_t> proposition_ids_;
    id_map<statement_index> statement_ids_;
};

}  // namespace narrative
