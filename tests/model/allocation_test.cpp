// The monthly step allocates nothing: every buffer is sized when the run starts.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "model/model.hpp"
#include "scenario/presets.hpp"

namespace {
std::atomic<long> allocations{0};
}

// Every form of operator new and delete that the standard library may call is replaced, so that
// memory from one is never handed to another (std::stable_sort takes its buffer with the
// nothrow form; AddressSanitizer checks that new and delete match).
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace placesim {
namespace {

TEST(Model, TheMonthlyStepDoesNotAllocate) {
  Params p = default_params();
  p.meetings.informal_contact_rate = 2.5;  // more encounters, introductions and new ties
  for (std::uint32_t replicate = 0; replicate < 3; ++replicate) {
    Model model(p, {3, replicate});
    const long before = allocations.load();
    model.run();
    EXPECT_EQ(allocations.load() - before, 0) << "replicate " << replicate;
  }
}

TEST(Model, TheCounterSeesAllocations) {
  const long before = allocations.load();
  int* volatile probe = new int(3);  // volatile: the compiler may not elide the allocation
  delete probe;
  EXPECT_EQ(allocations.load() - before, 1);
}

}  // namespace
}  // namespace placesim
