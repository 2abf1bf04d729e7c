#pragma once
// The program that writes results files: its version, and the git commit it was built from
// (with -dirty for uncommitted changes), refreshed at every build by cmake/git_commit.cmake.
namespace placesim {

const char* git_commit();
inline const char* program_version() { return PLACESIM_VERSION; }

}  // namespace placesim
