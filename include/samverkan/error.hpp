// samverkan::error: the one exception type of the library.
#ifndef SAMVERKAN_ERROR_HPP
#define SAMVERKAN_ERROR_HPP

#include <stdexcept>
#include <string>

namespace samverkan {

/// Thrown for bad input (a model file, a command line) and for model operations that would break one of
/// the model's guarantees (a duplicate id, a cycle of stages, a second enclosing scope). The message names
/// the elements involved and says what is wrong; the object that threw is unchanged.
///
///     try { m.add_actor({.id = "ks"}); } catch (samverkan::error const& e) { std::cerr << e.what(); }
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace samverkan

#endif // SAMVERKAN_ERROR_HPP
