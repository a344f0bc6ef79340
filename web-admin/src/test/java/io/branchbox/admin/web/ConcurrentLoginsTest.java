package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.TestDatabase;
import io.branchbox.admin.users.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Twenty people log in at the same moment with the production Argon2 cost (19 MiB each): every
 * login succeeds, because hashes queue for their turn instead of all taking their memory at once.
 */
class ConcurrentLoginsTest {

    @Test
    void twentySimultaneousLoginsAllSucceed() throws Exception {
        UserStore users = new UserStore(TestDatabase.migrated(), PasswordHasher.argon2id(), Clock.systemUTC());
        users.create("agent1", "twenty logins at once", Role.AGENT, false);
        AdminServer server = new AdminServer(AdminConfig.defaults().withAddress("127.0.0.1", 0), users,
                new FakeStatusSource(), Clock.systemUTC()).start();
        try {
            ExecutorService threads = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                WebClient client = new WebClient("http://127.0.0.1:" + server.port());
                logins.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return client.login("agent1", "twenty logins at once").statusCode();
                }, threads));
            }
            go.countDown();
            List<Integer> statuses = logins.stream().map(CompletableFuture::join).toList();
            threads.shutdown();

            assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200,
                    200, 200, 200, 200), statuses);
        } finally {
            server.stop();
        }
    }
}
