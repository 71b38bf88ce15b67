// An index does not silently become an id: the constructor is explicit.
// expect-gcc: conversion from .int. to non-scalar type .samverkan::actor_id.
// expect-clang: no viable conversion from .int. to .samverkan::actor_id.
#include <samverkan/model.hpp>

int main() {
    samverkan::actor_id a = 3;
    return static_cast<int>(a.index());
}
