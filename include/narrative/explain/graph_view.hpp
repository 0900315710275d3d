// SPDX-License-Identifier: MIT
#pragma once
// A description of a graph to draw: nodes with their camp and strength, edges with their kind
// and provenance, clusters. Built by explain/ from analysis results; laid out and drawn by
// report/ (DOT, then Graphviz). It holds plain text only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace narrative::explain {

struct graph_node {
    std::string id{};       ///< unique within the view; a statement id, or a group's name
    std::string label{};    ///< shown in the node
    std::string tooltip{};  ///< hover text (the statement's text)
    std::string link{};     ///< anchor id in the document the node links to; may be empty
    /// Camp within the node's cluster: 0 (first), 1 (second), or none (no camp: a lone
    /// statement).
    std::optional<std::uint8_t> camp{};
    std::optional<double> strength{};  ///< in [0, 1] when known: drawn as the fill's strength
    std::uint32_t cluster = 0;         ///< index into graph_view::clusters
    bool emphasised = false;           ///< e.g. contradicted from several directions
};

struct graph_edge {
    std::uint32_t from = 0, to = 0;  ///< node indices
    bool contradicts = false;        ///< else supports
    bool mutual = false;             ///< each end attacks the other (an undirected contradiction)
    bool inferred = false;           ///< not stated in the case: drawn dashed
    bool frustrated = false;         ///< breaks the camps' balance
    std::string label{};             ///< e.g. a weight or a count; may be empty
};

struct graph_cluster {
    std::string label{};  ///< e.g. "component 1 (12 statements)"; empty: not boxed
};

struct graph_view {
    std::vector<graph_node> nodes{};
    std::vector<graph_edge> edges{};
    std::vector<graph_cluster> clusters{};
    /// A condensed view stands for a graph too large to draw node by node: its nodes are groups
    /// of statements (a camp of a component) and its edges count relations.
    bool condensed = false;
};

}  // namespace narrative::explain
