// SPDX-License-Identifier: MIT
#pragma once
// Extension keys (`x-…`): kept on every round trip, never interpreted by the library.

#include <nlohmann/json.hpp>

#include <string_view>

namespace narrative {

/// The `x-` keys of one object of a case file, as a JSON object (empty when there are none).
using extensions = nlohmann::ordered_json;

/// True when `key` is an extension key, which every object of a case file may carry.
[[nodiscard]] constexpr bool is_extension_key(std::string_view key) noexcept {
    return key.size() > 2 && key[0] == 'x' && key[1] == '-';
}

}  // namespace narrative
