// SPDX-License-Identifier: MIT
// Graph layout through Graphviz's library (libgvc): DOT in, SVG out, no program run.

#include <narrative/report/graph_layout.hpp>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

namespace narrative::report {

namespace {

// Graphviz reports errors through a global callback: collected here while a call runs.
std::string* current_errors = nullptr;

int collect_error(char* message) {
    if (current_errors && message) *current_errors += message;
    return 0;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

std::string graphviz_svg(std::string_view dot, std::string_view engine) {
    static std::mutex lock;
    const std::lock_guard<std::mutex> guard(lock);
    std::string errors{};
    current_errors = &errors;
    agseterr(AGERR);  // warnings are not failures; errors are collected
    agseterrf(collect_error);
    struct reset {
        ~reset() {
            agseterrf(nullptr);
            current_errors = nullptr;
        }
    } reset_on_exit;

    const std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContext(), gvFreeContext);
    if (!gvc) throw layout_error("graphviz: cannot create a context");
    const std::string text(dot);
    const std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph(agmemread(text.c_str()), agclose);
    if (!graph) throw layout_error("graphviz: not a DOT graph: " + trimmed(errors));
    const std::string engine_name(engine);
    if (gvLayout(gvc.get(), graph.get(), engine_name.c_str()) != 0)
        throw layout_error("graphviz: layout with \"" + engine_name + "\" failed: " + trimmed(errors));
    char* data = nullptr;
    unsigned int length = 0;
    const int rendered = gvRenderData(gvc.get(), graph.get(), "svg", &data, &length);
    std::string svg = rendered == 0 && data ? std::string(data, length) : std::string{};
    if (data) gvFreeRenderData(data);
    gvFreeLayout(gvc.get(), graph.get());
    if (rendered != 0 || svg.empty()) throw layout_error("graphviz: SVG rendering failed: " + trimmed(errors));
    const auto start = svg.find("<svg");
    if (start == std::string::npos) throw layout_error("graphviz: the SVG output has no <svg> element");
    svg.erase(0, start);
    // Comments name the graph and nodes (ours are numbers); dropped so that nothing of the
    // input appears outside escaped text.
    for (auto open = svg.find("<!--"); open != std::string::npos; open = svg.find("<!--", open)) {
        const auto close = svg.find("-->", open);
        if (close == std::string::npos) break;
        svg.erase(open, close + 3 - open);
    }
    return svg;
}

}  // namespace narrative::report
