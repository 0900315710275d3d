// SPDX-License-Identifier: MIT
// The run report every result carries: its status names (pinned by the output formats), the
// order of severity that combining runs relies on, and how a run absorbs its steps.

#include <narrative/run_info.hpp>

#include <doctest/doctest.h>

#include <string>

using narrative::run_info;
using narrative::run_status;

TEST_SUITE("run_info") {
    TEST_CASE("status names are the ones the JSON outputs carry") {
        CHECK(to_string(run_status::ok) == "ok");
        CHECK(to_string(run_status::empty) == "empty");
        CHECK(to_string(run_status::limit_reached) == "limit_reached");
        CHECK(to_string(run_status::unbounded) == "unbounded");
        CHECK(to_string(run_status::no_convergence) == "no_convergence");
        CHECK(to_string(run_status::numerical_issue) == "numerical_issue");
    }

    TEST_CASE("a default run is a complete direct run") {
        const run_info r{};
        CHECK(r.ok());
        CHECK(r.converged);
        CHECK(r.iterations == 0);
        CHECK(r.residual == 0.0);
        CHECK(narrative::direct_run(false).ok());
        CHECK(narrative::direct_run(true).status == run_status::empty);
        CHECK_FALSE(narrative::direct_run(true).ok());
    }

    TEST_CASE("absorbing steps keeps the worst status, sums iterations and keeps the largest residual") {
        run_info total{};
        run_info jacobi{.status = run_status::ok, .converged = true, .iterations = 23, .residual = 6e-10,
                        .warnings = {}};
        run_info rk4{.status = run_status::no_convergence, .converged = false, .iterations = 100,
                     .residual = 2e-3, .warnings = {"no convergence after 100 iterations"}};
        total.absorb(jacobi);
        CHECK(total.ok());
        CHECK(total.iterations == 23);
        total.absorb(rk4);
        CHECK(total.status == run_status::no_convergence);
        CHECK_FALSE(total.converged);
        CHECK(total.iterations == 123);
        CHECK(total.residual == 2e-3);
        REQUIRE(total.warnings.size() == 1);
        // A later step that went well cannot hide the earlier failure.
        total.absorb(jacobi);
        CHECK(total.status == run_status::no_convergence);
        CHECK_FALSE(total.converged);
        CHECK(total.residual == 2e-3);
        // A limit is less severe than a failed solve, more than an empty step.
        run_info limited{.status = run_status::limit_reached};
        limited.absorb(narrative::direct_run(true));
        CHECK(limited.status == run_status::limit_reached);
        limited.absorb(rk4);
        CHECK(limited.status == run_status::no_convergence);
    }
}
