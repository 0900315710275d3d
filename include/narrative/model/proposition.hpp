// SPDX-License-Identifier: MIT
#pragma once
// What statements are about: a question with a set of possible answers, or a yes/no question.

#include <narrative/model/extensions.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// A proposition of a case: the subject of structured claims.
///
/// Without `values` it is a yes/no proposition: `asserts` claims "true", `denies` claims
/// "false". With `values`, a claim names one of them; when the proposition is exclusive
/// (the default) two different values cannot both hold.
struct proposition {
    std::string id{};                                  ///< unique among propositions, non-empty
    std::optional<std::string> text{};                 ///< what is at issue
    std::optional<std::vector<std::string>> values{};  ///< possible answers; unset for yes/no
    std::optional<bool> exclusive{};                   ///< default true
    extensions ext = extensions::object();

    [[nodiscard]] bool is_exclusive() const noexcept { return exclusive.value_or(true); }
    [[nodiscard]] bool is_yes_no() const noexcept { return !values.has_value(); }
    [[nodiscard]] bool has_value(std::string_view v) const {
        return values && std::find(values->begin(), values->end(), v) != values->end();
    }
};

}  // namespace narrative
