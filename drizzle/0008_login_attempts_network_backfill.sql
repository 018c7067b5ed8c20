-- Custom SQL migration file, put your code below! --
-- Sign-in tries recorded before 0007 have no network. For an IPv4 address the network is the address
-- itself, so the known-address rule (30 days of successful sign-ins) keeps working for them; IPv6 rows
-- are left without one (they count again from their next sign-in).
UPDATE `login_attempts` SET `network` = `ip` WHERE `ip` IS NOT NULL AND `ip` NOT LIKE '%:%';
