package cn.huiyin.console.application;

/** The user's token expired or was refused: the user signs in again (silently while the provider's session lasts). */
public class SignInRequired extends RuntimeException {

    public SignInRequired(String message) {
        super(message);
    }
}
