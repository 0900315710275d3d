// SPDX-License-Identifier: MIT
#pragma once
// The CaDiCaL adapter of the sat_solver interface. Declared here, compiled in the
// narrative::cadical library (CMake option NARRATIVE_ENABLE_CADICAL, Debian libcadical-dev):
// link that target to use it; the macro NARRATIVE_HAS_CADICAL is then defined.

#include <narrative/extensions/sat_solver.hpp>

#include <memory>

namespace narrative {

/// A fresh CaDiCaL solver behind the sat_solver interface.
[[nodiscard]] std::unique_ptr<sat_solver> make_cadical_solver();

/// A factory of CaDiCaL solvers, for task_options::solvers.
[[nodiscard]] sat_solver_factory cadical_solver_factory();

}  // namespace narrative
