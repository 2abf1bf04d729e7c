// Writes the synthetic results file of tests/support/synthetic_results.hpp, for the Python
// tests: write_fixture PATH [WRITTEN_RUNS].
#include <cstdlib>
#include <iostream>

#include "support/synthetic_results.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: write_fixture PATH [WRITTEN_RUNS]\n";
    return 2;
  }
  const auto f = placesim::testing::synthetic_file();
  placesim::testing::write_synthetic(argv[1], f, argc > 2 ? std::atoi(argv[2]) : f.layout.runs);
  return 0;
}
