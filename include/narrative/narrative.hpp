// SPDX-License-Identifier: MIT
#pragma once
// The umbrella header: every public header of the library.

#include <narrative/error.hpp>
#include <narrative/version.hpp>

#include <narrative/model/actor.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/model/extensions.hpp>
#include <narrative/model/proposition.hpp>
#include <narrative/model/relation.hpp>
#include <narrative/model/statement.hpp>
#include <narrative/model/time.hpp>

#include <narrative/io/case_json.hpp>
#include <narrative/io/dot.hpp>
#include <narrative/io/graphml.hpp>
#include <narrative/io/text_file.hpp>

