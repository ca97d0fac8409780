package org.coachapproach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CoachApproachApplication {

	public static void main(String[] args) {
		SpringApplication.run(CoachApproachApplication.class, args);
	}

}
