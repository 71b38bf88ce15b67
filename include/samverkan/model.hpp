// The model layer: ids, element types, relations, basic_model and its prepared queries.
#ifndef SAMVERKAN_MODEL_HPP
#define SAMVERKAN_MODEL_HPP

#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/edit.hpp>
#include <samverkan/model/elements.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/relations.hpp>
#include <samverkan/model/scope_tree.hpp>
#include <samverkan/model/stage_order.hpp>

#endif // SAMVERKAN_MODEL_HPP
