package org.chronicle.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.chronicle.api.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/accounts}: administrators add accounts, change their roles and disable them. */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AccountController {

    private final AccountStore accounts;
    private final RememberedCredentials remembered;

    AccountController(AccountStore accounts, RememberedCredentials remembered) {
        this.accounts = accounts;
        this.remembered = remembered;
    }

    @GetMapping
    List<Account> all() {
        return accounts.all();
    }

    @GetMapping("/{username}")
    Account one(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> new Refusal.NotFound("No account '" + username + "'."));
    }

    @PostMapping
    ResponseEntity<Account> add(@RequestBody NewAccount request) {
        Account added = accounts.add(request.username(), request.password(), request.roles());
        return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + added.username())).body(added);
    }

    @PutMapping("/{username}")
    Account change(@PathVariable String username, @RequestBody ChangedAccount request) {
        Account changed = accounts.change(username, request.password(), request.roles());
        remembered.forget(username);
        return changed;
    }

    /** The account can no longer sign in; its page sessions end at their next request. 409 for the last ADMIN. */
    @PostMapping("/{username}/disable")
    Account disable(@PathVariable String username) {
        Account disabled = accounts.enable(username, false);
        remembered.forget(username);
        return disabled;
    }

    @PostMapping("/{username}/enable")
    Account enable(@PathVariable String username) {
        return accounts.enable(username, true);
    }

    record NewAccount(String username, String password, Set<Role> roles) {
    }

    record ChangedAccount(String password, Set<Role> roles) {
    }
}
