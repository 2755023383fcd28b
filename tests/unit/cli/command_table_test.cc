// The command table: every command runs and is listed by --help, under its
// own name, in the layout the help has always had.
#include "cli/command_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiemdem::cli {
namespace {

TEST(CommandTable, EveryCommandHasAFunctionAndHelpUnderItsOwnName) {
  std::set<std::string> names;
  std::string help = HelpText();
  for (const Command& c : Commands()) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name << " is in the table twice";
    EXPECT_NE(c.run, nullptr) << c.name;
    EXPECT_EQ(FindCommand(c.name), &c);
    ASSERT_FALSE(c.usages.empty()) << c.name << " has no help";
    for (const Usage& u : c.usages) {
      std::string synopsis = u.synopsis;
      EXPECT_EQ(synopsis.rfind(std::string(c.name), 0), 0u) << synopsis;
      EXPECT_NE(help.find("\n  " + synopsis.substr(0, synopsis.find('\n'))), std::string::npos) << synopsis;
      EXPECT_NE(std::string(u.description), "") << synopsis;
    }
  }
  EXPECT_EQ(FindCommand("frobnicate"), nullptr);
  EXPECT_EQ(FindCommand(""), nullptr);
}

TEST(CommandTable, HelpAlignsDescriptionsAndWrapsLongSynopses) {
  std::string help = HelpText();
  EXPECT_EQ(help.rfind("kiemdem — theo dõi, kiểm đếm kết quả thực hiện chỉ tiêu\n", 0), 0u);
  EXPECT_NE(
      help.find(
          "\n  evaluate CODE --period P [--on D] [--plan KIND] [--include-unapproved] [--db PATH]\n"
          "                                a unit's evaluation for a period, as the dashboard judges it\n"),
      std::string::npos);
  EXPECT_NE(help.find("\n  check-percent PART WHOLE STATED\n"
                      "                                does a stated percentage match its figures?"),
            std::string::npos);
  EXPECT_NE(help.find("[--years Y]\n             [--first-year YYYY] [--pre2025] [--seed S]\n"
                      "                                a national-size data set"),
            std::string::npos);
  EXPECT_NE(help.find("(Decree 30 layout;\n                                a Party body's header"),
            std::string::npos);
  EXPECT_NE(help.find("\n--lang       language of messages and tables (default vi)\n"), std::string::npos);
}

}  // namespace
}  // namespace kiemdem::cli
