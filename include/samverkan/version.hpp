// The library version.
#ifndef SAMVERKAN_VERSION_HPP
#define SAMVERKAN_VERSION_HPP

#define SAMVERKAN_VERSION_MAJOR 0
#define SAMVERKAN_VERSION_MINOR 1
#define SAMVERKAN_VERSION_PATCH 0

namespace samverkan {
/// "0.1.0"
inline constexpr char const* version_string = "0.1.0";
} // namespace samverkan

#endif // SAMVERKAN_VERSION_HPP
