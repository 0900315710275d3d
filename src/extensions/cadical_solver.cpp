// SPDX-License-Identifier: MIT
// CaDiCaL behind the incremental sat_solver interface of the crisp semantics.

#include <narrative/extensions/cadical_solver.hpp>

#include <cadical.hpp>

#include <memory>
#include <span>
#include <string_view>

namespace narrative {
namespace {

class cadical_solver final : public sat_solver {
public:
    cadical_solver() { solver_->set("quiet", 1); }  // CaDiCaL prints to standard output otherwise

    int new_variable() override { return ++vars_; }

    void add_clause(std::span<const int> literals) override {
        for (const int l : literals) solver_->add(l);
        solver_->add(0);
    }
    using sat_solver::add_clause;

    sat_result solve(std::span<const int> assumptions) override {
        for (const int a : assumptions) solver_->assume(a);
        switch (solver_->solve()) {
            case 10: return sat_result::satisfiable;
            case 20: return sat_result::unsatisfiable;
            default: return sat_result::interrupted;
        }
    }

    bool value(int variable) const override { return solver_->val(variable) > 0; }
    std::string_view name() const noexcept override { return "cadical"; }

private:
    std::unique_ptr<CaDiCaL::Solver> solver_ = std::make_unique<CaDiCaL::Solver>();
    int vars_ = 0;
};

}  // namespace

std::unique_ptr<sat_solver> make_cadical_solver() { return std::make_unique<cadical_solver>(); }

sat_solver_factory cadical_solver_factory() {
    return [] { return make_cadical_solver(); };
}

}  // namespace narrative
