// Reading a file a user named: only regular files, never more than the bound, and never a wait
// on a FIFO or a device that does not end (issue 26: /dev/zero grew a process to 7.6 GB, a FIFO
// hung `validate` for ever).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "scenario/scenario_error.hpp"
#include "scenario/user_file.hpp"

namespace placesim {
namespace {

namespace fs = std::filesystem;

class UserFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("placesim-user-file-" + std::to_string(::getpid()));
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path path = folder_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  fs::path folder_;
};

// The message of the UnreadableFile a read throws ("" when it does not throw one).
std::string refusal(const std::string& path, std::size_t limit) {
  try {
    read_at_most(path, limit);
  } catch (const UnreadableFile& e) {
    return e.what();
  }
  return "";
}

TEST_F(UserFile, ReadsARegularFileWhole) {
  EXPECT_EQ(read_at_most(write("a.toml", "a = 1\n"), 100), "a = 1\n");
  EXPECT_EQ(read_user_file(write("b.toml", "b = 2\n"), "scenario file", 6), "b = 2\n");
}

TEST_F(UserFile, StopsOneByteAfterTheLimit) {
  // 1 GB of holes: it costs nothing on disk, and reading it whole would take seconds.
  const fs::path big = folder_ / "big.toml";
  std::ofstream(big).close();
  fs::resize_file(big, std::uintmax_t{1} << 30);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(read_at_most(big.string(), 10).size(), 11u);
  try {
    read_user_file(big.string(), "scenario file", 1000);
    FAIL() << "a file larger than the limit was read";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.where().source, big.string());
    EXPECT_NE(e.message().find("larger than the 1000 bytes that are read"), std::string::npos) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST_F(UserFile, RefusesAFifoWithoutWaitingForAWriter) {
  const fs::path fifo = folder_ / "fifo.toml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(refusal(fifo.string(), 100), fifo.string() + " is not a regular file (a FIFO)");
  try {
    read_user_file(fifo.string(), "scenario file", 100);
    FAIL() << "a FIFO was read";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), fifo.string() + ": cannot read the scenario file: it is not a regular file (a FIFO)");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST_F(UserFile, RefusesDevicesFoldersAndMissingFiles) {
  EXPECT_EQ(refusal("/dev/zero", 100), "/dev/zero is not a regular file (a character device)");
  EXPECT_EQ(refusal(folder_.string(), 100), folder_.string() + " is a folder");
  EXPECT_EQ(refusal((folder_ / "none.toml").string(), 100),
            (folder_ / "none.toml").string() + " cannot be opened: No such file or directory");
}

TEST_F(UserFile, FollowsALinkToARegularFileButNotToADevice) {
  const std::string target = write("t.toml", "t = 1\n");
  fs::create_symlink(target, folder_ / "link.toml");
  EXPECT_EQ(read_at_most((folder_ / "link.toml").string(), 100), "t = 1\n");
  fs::create_symlink("/dev/zero", folder_ / "zero.toml");
  EXPECT_NE(refusal((folder_ / "zero.toml").string(), 100).find("is not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace placesim
