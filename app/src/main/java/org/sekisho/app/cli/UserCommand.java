package org.sekisho.app.cli;

import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.sekisho.app.Sekisho;
import org.sekisho.platform.auth.AccountRefusal;
import org.sekisho.platform.auth.AccountRules;
import org.sekisho.platform.auth.Accounts;
import org.sekisho.platform.auth.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Create or update a local account; the password is read from SEKISHO_PASSWORD.")
final class UserCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Parameters(index = "0", paramLabel = "USERNAME")
  String username;

  @Option(names = "--name", description = "display name")
  String name;

  @Option(
      names = "--role",
      required = true,
      split = ",",
      description =
          "roles: analyst, officer, inspector, investigator, liaison, pnr-unit, partner, admin,"
              + " kiosk (an e-Gate kiosk device: one account per device)")
  java.util.List<String> roles;

  @Option(names = "--agency", required = true)
  String agency;

  @Option(names = "--office", defaultValue = "")
  String office;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // where SEKISHO_PASSWORD is read: the process's environment; a test gives its own
  java.util.function.UnaryOperator<String> environment = System::getenv;

  @Override
  public Integer call() {
    // the same forms as the web's account administration, so that an account made here can be
    // found, shown and edited there
    refuseIf(AccountRules.usernameProblem(username));
    String displayName = name == null || name.isBlank() ? username : name.strip();
    refuseIf(AccountRules.displayNameProblem(displayName));
    AccountRules.OfficeOrRefusal o = AccountRules.office(office);
    refuseIf(o.refusal());
    EnumSet<Role> rs = EnumSet.noneOf(Role.class);
    for (String r : roles) {
      rs.add(
          Role.of(r.strip())
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(), "unknown role '" + r + "'")));
    }
    // the web's role rules (kiosk alone, a kiosk at an office): exit 2 like every other bad value
    refuseIf(AccountRules.rolesProblem(rs));
    refuseIf(AccountRules.kioskOfficeProblem(rs, o.office()));
    if (AccountRules.agencyRolesProblem(rs, agency, Sekisho.agency()).isPresent()) {
      // the same rule as the web's account administration
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          agency.equals(Sekisho.agency())
              ? "--role: an account of "
                  + agency
                  + ", the administration running Sekisho, is not its partner"
              : "--role: an account of the partner agency "
                  + agency
                  + " holds the roles partner and liaison only; the others open the work of "
                  + Sekisho.agency()
                  + " itself");
    }
    String password = environment.apply("SEKISHO_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "set SEKISHO_PASSWORD (at least 12 characters) in the environment");
    }
    // the web's password rules, named after the variable and never repeating the password: those
    // needing no database here, the agency's registered name once it is open
    AccountRules.passwordProblem("SEKISHO_PASSWORD", username, java.util.List.of(agency), password)
        .ifPresent(
            r -> {
              throw new CommandLine.ParameterException(spec.commandLine(), Accounts.english(r));
            });
    try (Sekisho s = Sekisho.open(data.resolve(), Clock.systemUTC())) {
      // a mistyped agency would otherwise register itself with the account
      AgencyCommand.requireRegistered(s, agency, spec.commandLine());
      boolean existed = s.accounts().exists(username);
      s.accounts()
          .upsertKeepingPolicy(
              "SEKISHO_PASSWORD", username, displayName, password, rs, agency, o.office())
          .ifPresent(
              r -> {
                throw new CommandLine.ParameterException(spec.commandLine(), Accounts.english(r));
              });
      spec.commandLine()
          .getOut()
          .println(
              "account "
                  + username
                  + (existed
                      ? " updated: active, with this password and these roles, agency and office"
                      : " created"));
    }
    return 0;
  }

  private void refuseIf(java.util.Optional<AccountRefusal> refusal) {
    if (refusal.isPresent()) {
      throw new CommandLine.ParameterException(spec.commandLine(), Accounts.english(refusal.get()));
    }
  }
}
