// SPDX-License-Identifier: MIT
#pragma once
// The umbrella header: every public header of the library.

#include <narrative/error.hpp>
#include <narrative/version.hpp>

#include <narrative/model/actor.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/case_summary.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/model/extensions.hpp>
#include <narrative/model/proposition.hpp>
#include <narrative/model/relation.hpp>
#include <narrative/model/statement.hpp>
#include <narrative/model/time.hpp>
#include <narrative/run_info.hpp>

#include <narrative/io/aif.hpp>
#include <narrative/io/argdown.hpp>
#include <narrative/io/argdown_json.hpp>
#include <narrative/io/case_csv.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/claimreview.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/io/iccma.hpp>
#include <narrative/io/merge.hpp>
#include <narrative/io/stance_csv.hpp>
#include <narrative/io/text_file.hpp>

#include <narrative/gradual/components.hpp>
#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/gradual/semantics.hpp>

#include <narrative/infer/infer_relations.hpp>
#include <narrative/infer/relation_rule.hpp>

#include <narrative/signed/balance.hpp>
#include <narrative/signed/contradictions.hpp>
#include <narrative/signed/frustration.hpp>
#include <narrative/signed/self_contradictions.hpp>
#include <narrative/signed/signed_graph.hpp>
#include <narrative/signed/spectral_bound.hpp>
#include <narrative/signed/tensions.hpp>

#include <narrative/credibility/credibility.hpp>
#include <narrative/credibility/stance_em.hpp>
#include <narrative/credibility/truth_discovery.hpp>
#include <narrative/credibility/truth_problem.hpp>

#include <narrative/actors/consistency.hpp>
#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/bipolar.hpp>
#include <narrative/extensions/grounded.hpp>
#include <narrative/extensions/labelling_encoding.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/sat_solver.hpp>
#include <narrative/extensions/scc_search.hpp>
#include <narrative/extensions/semantics.hpp>
#include <narrative/extensions/tasks.hpp>

#include <narrative/timeline/replay.hpp>
#include <narrative/diff/case_diff.hpp>

#include <narrative/explain/case_report.hpp>
#include <narrative/explain/diff_report.hpp>
#include <narrative/explain/document.hpp>
#include <narrative/explain/graph_view.hpp>
#include <narrative/explain/statement_explanation.hpp>
#include <narrative/explain/references.hpp>
#include <narrative/explain/timeline_report.hpp>

#include <narrative/report/actors.hpp>
#include <narrative/report/catalog.hpp>
#include <narrative/report/check.hpp>
#include <narrative/report/contradictions.hpp>
#include <narrative/report/diff.hpp>
#include <narrative/report/escape.hpp>
#include <narrative/report/extensions.hpp>
#include <narrative/report/graph_dot.hpp>
#include <narrative/report/html.hpp>
#include <narrative/report/inference.hpp>
#include <narrative/report/json.hpp>
#include <narrative/report/json_stream.hpp>
#include <narrative/report/markdown.hpp>
#include <narrative/report/run_info.hpp>
#include <narrative/report/scores.hpp>
#include <narrative/report/text.hpp>
#include <narrative/report/timeline.hpp>
