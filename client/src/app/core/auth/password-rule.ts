/** The server's rule for every new password (change, create, reset); the forms say it and check it early. */
export const MIN_PASSWORD_LENGTH = 12;
