// SPDX-License-Identifier: MIT
#pragma once
// Crisp semantics by name, for run-time choice (CLI). Users add their own with
// crisp_semantics_registry::add.

#include <narrative/error.hpp>
#include <narrative/extensions/semantics.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

/// Name → semantics. The global registry (crisp_registry()) starts with the built-in ones.
class crisp_semantics_registry {
public:
    /// Adds a semantics; throws usage_error when its name is taken or empty.
    void add(std::shared_ptr<const crisp_semantics> s) {
        if (!s || s->name().empty()) throw usage_error("a crisp semantics needs a name");
        if (contains(s->name()))
            throw usage_error("a crisp semantics named '" + std::string(s->name()) + "' is already registered");
        entries_.push_back(std::move(s));
    }
    [[nodiscard]] bool contains(std::string_view name) const noexcept {
        for (const auto& e : entries_)
            if (e->name() == name) return true;
        return false;
    }
    /// The semantics called `name`; throws usage_error listing the valid names otherwise.
    [[nodiscard]] const crisp_semantics& find(std::string_view name) const {
        for (const auto& e : entries_)
            if (e->name() == name) return *e;
        std::string valid;
        for (const auto& e : entries_) valid += (valid.empty() ? "" : ", ") + std::string(e->name());
        throw usage_error("unknown crisp semantics '" + std::string(name) + "' (valid: " + valid + ")");
    }
    /// (name, summary) of each semantics, in registration order.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> catalog() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& e : entries_) out.emplace_back(std::string(e->name()), std::string(e->summary()));
        return out;
    }

    /// A registry holding the built-in semantics.
    [[nodiscard]] static crisp_semantics_registry with_builtins() {
        crisp_semantics_registry r;
        r.add(std::make_shared<grounded_semantics>());
        r.add(std::make_shared<complete_semantics>());
        r.add(std::make_shared<preferred_semantics>());
        r.add(std::make_shared<stable_semantics>());
        r.add(std::make_shared<semi_stable_semantics>());
        r.add(std::make_shared<stage_semantics>());
        r.add(std::make_shared<ideal_semantics>());
        return r;
    }

private:
    std::vector<std::shared_ptr<const crisp_semantics>> entries_{};
};

/// The process-wide registry the CLI uses (built-ins plus whatever the program added). Not
/// synchronised: add semantics before starting threads.
[[nodiscard]] inline crisp_semantics_registry& crisp_registry() {
    static crisp_semantics_registry registry = crisp_semantics_registry::with_builtins();
    return registry;
}

/// Shorthand for crisp_registry().find(name).
[[nodiscard]] inline const crisp_semantics& find_crisp_semantics(std::string_view name) {
    return crisp_registry().find(name);
}

}  // namespace narrative
