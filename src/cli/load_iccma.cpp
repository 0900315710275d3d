// SPDX-License-Identifier: MIT
// Reading a command's input as case JSON or as an ICCMA file (by --from or by extension).

#include "commands.hpp"

#include <narrative/io/iccma.hpp>

#include <algorithm>
#include <filesystem>

namespace narrative::cli {

case_model load_case_or_iccma(const std::string& path, const std::string& format) {
    std::string name = format;
    if (name.empty() && path != "-") {
        std::string ext = std::filesystem::path(path).extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (ext.size() > 1 && parse_iccma_format(std::string_view(ext).substr(1))) name = ext.substr(1);
    }
    if (name.empty() || name == "json") return load_case_argument(path);
    const auto iccma = parse_iccma_format(name);
    if (!iccma) throw usage_error("unknown input format \"" + name + "\" (valid: json, apx, tgf, i23)");
    const std::string text = read_input(path);
    auto result = check_iccma(text, *iccma, path == "-" ? std::string("<stdin>") : path);
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    print_diagnostics(result.diagnostics);  // warnings only
    return std::move(*result.model);
}

}  // namespace narrative::cli
