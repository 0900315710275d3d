// SPDX-License-Identifier: MIT
#pragma once
// The names the analysis commands accept (`narrative semantics`) as tables, Markdown or JSON.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace narrative::report {

/// One kind of name: the semantics of a command option, with one line per name.
struct catalog_section {
    std::string key{};     ///< JSON key
    std::string title{};   ///< heading of the table
    std::string option{};  ///< the option that takes these names
    std::vector<std::pair<std::string, std::string>> entries{};  ///< name, description
};

/// The `narrative-semantics/1` document: per section, the names with their descriptions.
[[nodiscard]] inline std::string catalog_json(const std::vector<catalog_section>& sections) {
    nlohmann::ordered_json doc = {{"format", "narrative-semantics/1"}};
    for (const auto& s : sections) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& [name, line] : s.entries) list.push_back({{"name", name}, {"description", line}});
        doc[s.key] = std::move(list);
    }
    return doc.dump(2) + "\n";
}

/// One table per section (text, or Markdown when `markdown`).
[[nodiscard]] inline std::string catalog_text(const std::vector<catalog_section>& sections, bool markdown) {
    std::ostringstream out;
    for (const auto& s : sections) {
        out << (markdown ? "## " : "") << s.title << " (" << s.option << ")\n";
        if (markdown) out << "\n| name | description |\n| --- | --- |\n";
        std::size_t width = 0;
        for (const auto& e : s.entries) width = std::max(width, e.first.size());
        for (const auto& [name, line] : s.entries) {
            if (markdown)
                out << "| `" << name << "` | " << line << " |\n";
            else
                out << "  " << name << std::string(width + 2 - name.size(), ' ') << line << '\n';
        }
        out << '\n';
    }
    return out.str();
}

}  // namespace narrative::report
